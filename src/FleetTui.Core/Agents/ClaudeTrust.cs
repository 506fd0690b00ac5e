using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetTui.Core.Agents;

/// <summary>
/// <c>[agents.claude] trust_worktrees = true</c>: records in the user's Claude Code config (<c>~/.claude.json</c>, or
/// <c>$CLAUDE_CONFIG_DIR/.claude.json</c>) that the repository is trusted —
/// <c>projects["&lt;repository root&gt;"].hasTrustDialogAccepted = true</c> — after copying the file to a timestamped
/// backup beside it. Nothing else in the file changes. Claude Code (2.1) keys a git worktree's trust by its main
/// repository's root, so this one entry covers every task's worktree; a trusted parent folder does not (trust is looked
/// up from the working folder up to its git root only).
/// </summary>
public static class ClaudeTrust
{
    public enum Outcome
    {
        /// <summary>Trust recorded (the backup's path is returned).</summary>
        Recorded,
        /// <summary>Already trusted: the file was not touched.</summary>
        AlreadyTrusted,
        /// <summary>No Claude Code config yet (Claude Code never ran for this user): nothing written; it asks once itself.</summary>
        NoConfig,
    }

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The user's Claude Code config file.</summary>
    public static string ConfigPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var folder = environment("CLAUDE_CONFIG_DIR") is { Length: > 0 } configDir ? configDir : environment("HOME") ?? "";
        return Path.Combine(folder, ".claude.json");
    }

    public static bool IsTrusted(JsonNode? config, string repositoryRoot) =>
        config?["projects"]?[repositoryRoot]?["hasTrustDialogAccepted"] is JsonValue value && value.TryGetValue<bool>(out var trusted) && trusted;

    /// <returns>What happened, and the backup's path when the file was changed.</returns>
    public static (Outcome Outcome, string? Backup) Record(string configPath, string repositoryRoot, DateTimeOffset now)
    {
        if (!File.Exists(configPath))
            return (Outcome.NoConfig, null);
        var text = File.ReadAllText(configPath);
        JsonObject config;
        try
        {
            config = JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"{configPath}: not a JSON object; not touching it");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{configPath}: invalid JSON ({e.Message}); not touching it", e);
        }

        if (IsTrusted(config, repositoryRoot))
            return (Outcome.AlreadyTrusted, null);
        if (config["projects"] is not JsonObject projects)
        {
            if (config["projects"] is not null)
                throw new InvalidDataException($"{configPath}: \"projects\" is not an object; not touching it");
            projects = [];
            config["projects"] = projects;
        }
        if (projects[repositoryRoot] is not JsonObject project)
        {
            if (projects[repositoryRoot] is not null)
                throw new InvalidDataException($"{configPath}: the entry for {repositoryRoot} is not an object; not touching it");
            project = [];
            projects[repositoryRoot] = project;
        }
        project["hasTrustDialogAccepted"] = true;

        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(configPath);
        var backup = $"{configPath}.fleet-backup-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        File.Copy(configPath, backup, overwrite: true);
        var temporary = configPath + ".fleet-tmp";
        File.WriteAllText(temporary, config.ToJsonString(WriteOptions));
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(backup, unixMode); // a copy of the user's secrets keeps the original's privacy
            File.SetUnixFileMode(temporary, unixMode);
        }
        File.Move(temporary, configPath, overwrite: true);
        return (Outcome.Recorded, backup);
    }
}
