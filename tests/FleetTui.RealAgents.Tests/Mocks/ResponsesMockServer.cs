using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace FleetTui.RealAgents.Tests.Mocks;

/// <summary>
/// A mock of the OpenAI Responses API (<c>POST /v1/responses</c>, streaming <c>response.created</c> …
/// <c>response.completed</c>) for Codex CLI, reached through a custom model provider. Scripted by a story marker in the
/// conversation: <see cref="CodexStory.Command"/> asks to run a command outside the sandbox (Codex asks for approval),
/// then answers once the command's output comes back; anything else gets a plain answer.
/// </summary>
public sealed class ResponsesMockServer : IAsyncDisposable
{
    private readonly MockHttpServer _server;

    public ResponsesMockServer() => _server = new MockHttpServer(HandleAsync);

    /// <summary>The provider's base URL (Codex appends <c>/responses</c>).</summary>
    public string BaseUrl => _server.BaseUrl + "/v1";

    public static string Marker(CodexStory story) => "STORY-" + story.ToString().ToLowerInvariant();

    public const string Command = "sleep 2 && touch fleet-probe.txt";

    public ConcurrentQueue<MockRequest> Requests { get; } = new();

    private async Task HandleAsync(MockRequest request, MockResponse response)
    {
        Requests.Enqueue(request);
        if (request.Method != "POST" || !request.Path.StartsWith("/v1/responses", StringComparison.Ordinal))
        {
            await response.EmptyAsync(404);
            return;
        }

        var body = JsonNode.Parse(request.Body)!;
        var hasTools = body["tools"] is JsonArray { Count: > 0 };
        var input = body["input"]?.ToJsonString() ?? "";
        var commandDone = input.Contains("function_call_output", StringComparison.Ordinal);
        var story = hasTools && input.Contains(Marker(CodexStory.Command), StringComparison.Ordinal) ? CodexStory.Command : CodexStory.Answer;

        await response.StartEventsAsync();
        await EventAsync(response, new JsonObject { ["type"] = "response.created", ["response"] = new JsonObject { ["id"] = "resp_mock" } });
        if (story == CodexStory.Command && !commandDone)
        {
            await EventAsync(response, new JsonObject
            {
                ["type"] = "response.output_item.done",
                ["output_index"] = 0,
                ["item"] = new JsonObject
                {
                    ["type"] = "function_call",
                    ["id"] = "fc_mock",
                    ["call_id"] = "call_mock",
                    ["name"] = "exec_command",
                    ["arguments"] = new JsonObject
                    {
                        ["cmd"] = Command,
                        ["sandbox_permissions"] = "require_escalated",
                        ["justification"] = "Create the probe file?",
                    }.ToJsonString(),
                },
            });
        }
        else
        {
            await EventAsync(response, new JsonObject
            {
                ["type"] = "response.output_item.added",
                ["output_index"] = 0,
                ["item"] = new JsonObject { ["type"] = "message", ["role"] = "assistant", ["id"] = "msg_mock", ["content"] = new JsonArray() },
            });
            await EventAsync(response, new JsonObject
            {
                ["type"] = "response.output_text.delta",
                ["item_id"] = "msg_mock",
                ["output_index"] = 0,
                ["content_index"] = 0,
                ["delta"] = "Done.",
            });
            await EventAsync(response, new JsonObject
            {
                ["type"] = "response.output_item.done",
                ["output_index"] = 0,
                ["item"] = new JsonObject
                {
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["id"] = "msg_mock",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = "Done." }),
                },
            });
        }

        await EventAsync(response, new JsonObject
        {
            ["type"] = "response.completed",
            ["response"] = new JsonObject
            {
                ["id"] = "resp_mock",
                ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 5, ["total_tokens"] = 15 },
            },
        });
    }

    private static Task EventAsync(MockResponse response, JsonObject data) => response.EventAsync(data["type"]!.GetValue<string>(), data.ToJsonString());

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>The scripted turns of <see cref="ResponsesMockServer"/>.</summary>
public enum CodexStory
{
    Answer,
    /// <summary>A command that needs approval (<see cref="ResponsesMockServer.Command"/>), then text.</summary>
    Command,
}
