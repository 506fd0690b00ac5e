using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetTui.RealAgents.Tests.Mocks;

/// <summary>
/// A mock of the Anthropic Messages API (<c>POST /v1/messages</c>, streaming server-sent events <c>message_start</c> …
/// <c>message_stop</c>) for Claude Code, scripted by a story marker in the conversation (<see cref="Marker"/>): the
/// first request of a turn gets the story's first answer (a tool call, an error…), a request carrying a tool result gets
/// the closing text. Requests without tools (Claude Code's side calls: titles, topics) get a short text.
/// </summary>
public sealed class AnthropicMockServer : IAsyncDisposable
{
    private readonly MockHttpServer _server;

    public AnthropicMockServer() => _server = new MockHttpServer(HandleAsync);

    public string BaseUrl => _server.BaseUrl;

    /// <summary>The marker a prompt carries to pick a story: <c>STORY-&lt;name&gt;</c>.</summary>
    public static string Marker(AnthropicStory story) => "STORY-" + story.ToString().ToLowerInvariant();

    public ConcurrentQueue<MockRequest> Requests { get; } = new();

    /// <summary>How long the long story streams: this many text chunks, <see cref="LongChunkDelay"/> apart.</summary>
    public int LongChunks { get; init; } = 80;

    public TimeSpan LongChunkDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The command the tool stories ask to run: slow enough that "working" after a grant is visible.</summary>
    public const string ToolCommand = "sleep 2 && touch fleet-probe.txt";

    private async Task HandleAsync(MockRequest request, MockResponse response)
    {
        Requests.Enqueue(request);
        if (request.Method != "POST" || !request.Path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            await response.EmptyAsync(404);
            return;
        }

        if (request.Path.StartsWith("/v1/messages/count_tokens", StringComparison.Ordinal))
        {
            await response.JsonAsync(200, """{"input_tokens":10}""");
            return;
        }

        var body = JsonNode.Parse(request.Body)!;
        var hasTools = body["tools"] is JsonArray { Count: > 0 };
        var story = hasTools ? StoryOf(request.Body) : AnthropicStory.Answer;
        var toolDone = request.Body.Contains("\"tool_result\"", StringComparison.Ordinal);
        var model = body["model"]?.GetValue<string>() ?? "claude-mock";

        switch (story)
        {
            case AnthropicStory.RateLimited:
                await ErrorAsync(response, 429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit");
                return;
            case AnthropicStory.Overloaded:
                await ErrorAsync(response, 529, "overloaded_error", "Overloaded");
                return;
            case AnthropicStory.NoCredit:
                await ErrorAsync(response, 400, "invalid_request_error",
                    "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.");
                return;
        }

        await response.StartEventsAsync();
        await response.EventAsync("message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = "msg_mock",
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = new JsonArray(),
                ["stop_reason"] = null,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 1 },
            },
        }.ToJsonString());

        var stop = "end_turn";
        switch (story)
        {
            case AnthropicStory.Bash when !toolDone:
                await ToolUseAsync(response, "toolu_bash", "Bash", new JsonObject { ["command"] = ToolCommand, ["description"] = "Create the probe file" });
                stop = "tool_use";
                break;
            case AnthropicStory.Ask when !toolDone:
                await ToolUseAsync(response, "toolu_ask", "AskUserQuestion", new JsonObject
                {
                    ["questions"] = new JsonArray(new JsonObject
                    {
                        ["question"] = "Which color should the button be?",
                        ["header"] = "Color",
                        ["multiSelect"] = false,
                        ["options"] = new JsonArray(
                            new JsonObject { ["label"] = "Red", ["description"] = "A red button" },
                            new JsonObject { ["label"] = "Blue", ["description"] = "A blue button" }),
                    }),
                });
                stop = "tool_use";
                break;
            case AnthropicStory.Long:
                await TextAsync(response, Enumerable.Range(0, LongChunks).Select(i => $"word{i} "), LongChunkDelay);
                break;
            default:
                await TextAsync(response, ["Done."], TimeSpan.Zero);
                break;
        }

        await response.EventAsync("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = stop, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 5 },
        }.ToJsonString());
        await response.EventAsync("message_stop", """{"type":"message_stop"}""");
    }

    private static AnthropicStory StoryOf(string body)
    {
        foreach (var story in Enum.GetValues<AnthropicStory>())
        {
            if (body.Contains(Marker(story), StringComparison.Ordinal))
                return story;
        }
        return AnthropicStory.Answer;
    }

    private static Task ErrorAsync(MockResponse response, int status, string type, string message) =>
        response.JsonAsync(status, new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        }.ToJsonString(), new Dictionary<string, string>
        {
            ["retry-after"] = "30",
            ["anthropic-ratelimit-requests-reset"] = DateTimeOffset.UtcNow.AddSeconds(30).ToString("O", CultureInfo.InvariantCulture),
        });

    private static async Task ToolUseAsync(MockResponse response, string id, string name, JsonObject input)
    {
        await response.EventAsync("content_block_start", new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = 0,
            ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = name, ["input"] = new JsonObject() },
        }.ToJsonString());
        await response.EventAsync("content_block_delta", new JsonObject
        {
            ["type"] = "content_block_delta",
            ["index"] = 0,
            ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = input.ToJsonString() },
        }.ToJsonString());
        await response.EventAsync("content_block_stop", """{"type":"content_block_stop","index":0}""");
    }

    private static async Task TextAsync(MockResponse response, IEnumerable<string> chunks, TimeSpan delay)
    {
        await response.EventAsync("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        foreach (var chunk in chunks)
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, response.Stopping); // the model's pace: a stream that takes time, by design
            await response.EventAsync("content_block_delta", new JsonObject
            {
                ["type"] = "content_block_delta",
                ["index"] = 0,
                ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = chunk },
            }.ToJsonString());
        }
        await response.EventAsync("content_block_stop", """{"type":"content_block_stop","index":0}""");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>The scripted turns of <see cref="AnthropicMockServer"/>.</summary>
public enum AnthropicStory
{
    /// <summary>A plain text answer.</summary>
    Answer,
    /// <summary>A Bash tool call that needs permission (<see cref="AnthropicMockServer.ToolCommand"/>), then text.</summary>
    Bash,
    /// <summary>An AskUserQuestion tool call, then text.</summary>
    Ask,
    /// <summary>A long streamed answer (interrupt it with Esc, or let it finish).</summary>
    Long,
    /// <summary>HTTP 429 with retry-after, every time.</summary>
    RateLimited,
    /// <summary>HTTP 529 overloaded with retry-after, every time.</summary>
    Overloaded,
    /// <summary>HTTP 400: the credit balance is too low.</summary>
    NoCredit,
}
