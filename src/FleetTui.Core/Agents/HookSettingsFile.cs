using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetTui.Core.Agents;

/// <summary>
/// Merges our hooks into an agent's JSON settings file of the shape Claude Code and Gemini CLI share
/// (<c>{"hooks": {"&lt;Event&gt;": [{"matcher": …, "hooks": [{"type": "command", "command": …}]}]}}</c>): our groups,
/// recognised by the marker ending their command, are replaced; everything else in the file is kept as it was. A file
/// we cannot read as that shape is left alone (an error names it). Written atomically, keeping the file's mode (0600
/// for one we create).
/// </summary>
internal static class HookSettingsFile
{
    /// <summary>One hook group to install.</summary>
    public sealed record Entry(string Event, string Command, string? Matcher = null, int? TimeoutSeconds = null);

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    public static async Task MergeAsync(string path, IEnumerable<Entry> entries, IEnumerable<string> retiredEvents, string marker, CancellationToken cancellationToken)
    {
        var root = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (root["hooks"] is not JsonObject hooks)
        {
            if (root["hooks"] is not null)
                throw new InvalidDataException($"{path}: \"hooks\" is not an object; not touching it");
            hooks = [];
            root["hooks"] = hooks;
        }

        var cleared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (hooks[entry.Event] is not JsonArray groups)
            {
                if (hooks[entry.Event] is not null)
                    throw new InvalidDataException($"{path}: \"hooks.{entry.Event}\" is not an array; not touching it");
                groups = [];
                hooks[entry.Event] = groups;
            }

            if (cleared.Add(entry.Event))
            {
                foreach (var ours in groups.Where(g => IsOurs(g, marker)).ToList())
                    groups.Remove(ours);
            }

            var hook = new JsonObject { ["type"] = "command", ["command"] = entry.Command };
            if (entry.TimeoutSeconds is { } timeout)
                hook["timeout"] = timeout;
            var group = new JsonObject { ["hooks"] = new JsonArray(hook) };
            if (entry.Matcher is { } matcher)
                group["matcher"] = matcher;
            groups.Add((JsonNode)group);
        }

        foreach (var retired in retiredEvents)
        {
            if (hooks[retired] is JsonArray old)
            {
                foreach (var ours in old.Where(g => IsOurs(g, marker)).ToList())
                    old.Remove(ours);
                if (old.Count == 0)
                    hooks.Remove(retired);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".fleet-tmp";
        await File.WriteAllTextAsync(temporary, root.ToJsonString(WriteOptions) + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            // The user's file keeps its mode; one we create is the user's alone.
            File.SetUnixFileMode(temporary, File.Exists(path) ? File.GetUnixFileMode(path) : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsOurs(JsonNode? group, string marker) =>
        group?["hooks"] is JsonArray inner
        && inner.Any(h => h?["command"] is JsonValue v && v.TryGetValue<string>(out var command) && command.EndsWith(marker, StringComparison.Ordinal));

    private static async Task<JsonObject> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            return [];
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        try
        {
            return JsonNode.Parse(text, documentOptions: ReadOptions) as JsonObject
                   ?? throw new InvalidDataException($"{path}: not a JSON object; not touching it");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON ({e.Message}); not touching it", e);
        }
    }
}
