using System.Text;

namespace FleetTui.Core.Config.Starter;

/// <summary>
/// The fleet.toml <c>fleet init</c> writes: a few active keys that work as written, then the full reference
/// (fleet.toml.example) commented out. A key line becomes <c>#key = value</c> while prose keeps its "# ", so removing the
/// '#' of a key line is all uncommenting takes.
/// </summary>
public static class StarterConfigText
{
    /// <summary>The lines between the active part and the commented reference (the reference starts right after them).</summary>
    public const string ReferenceHeading =
        "# =====================================================================================================================\n" +
        "# Reference: fleet.toml.example with every key commented out (\"#key = value\"). Copy a key into the tables above rather\n" +
        "# than uncommenting it here: a table such as [fleet] may appear only once in a file.\n" +
        "# =====================================================================================================================\n";

    public static string Render(StarterConfig config, string reference)
    {
        var text = new StringBuilder();
        text.Append("# fleet.toml, written by `fleet init`. It works as written: `fleet new <task>` creates a task (its branch, its own\n");
        text.Append("# worktree, set up as [setup] says), `fleet` opens the cockpit, `fleet doctor` checks this machine. Every other key\n");
        text.Append("# is in the reference at the end of this file, commented out.\n");
        text.Append("#\n");
        text.Append(config.Stacks.Count == 0
            ? "# No known toolchain found at the repository root (.NET, Node, Python, Go, Rust).\n"
            : $"# Found: {string.Join("; ", config.Stacks.Select(s => $"{s.Name} ({s.Evidence})"))}.\n");
        foreach (var note in config.Notes)
            text.Append("# ").Append(note).Append('\n');

        text.Append("\n[fleet]\n");
        if (config.Base is { } baseBranch)
        {
            text.Append("# Tasks start from this branch and merge back into it.\n");
            text.Append("base = ").Append(TomlText.Quote(baseBranch)).Append('\n');
        }
        else
        {
            text.Append("# HEAD was detached, so no base is written: tasks start from the branch checked out when fleet runs.\n");
        }

        text.Append(StarterAgent.Candidates.Contains(config.Agent)
            ? $"# The agent every task runs ({config.Agent} was found on PATH); also: {string.Join(", ", StarterAgent.Candidates.Where(c => c != config.Agent))}, shell, or an argv array.\n"
            : $"# No {string.Join(", ", StarterAgent.Candidates.SkipLast(1))} or {StarterAgent.Candidates[^1]} on PATH, so each task opens a shell; install one and name it here.\n");
        text.Append("agent = ").Append(TomlText.Quote(config.Agent)).Append('\n');

        if (config.Gate is { } gate)
        {
            text.Append("# A task merges only after this passes in its worktree (run through `sh -c`).\n");
            text.Append("gate = ").Append(TomlText.Quote(gate)).Append('\n');
        }
        else
        {
            text.Append("# No test command found: set `gate` (run through `sh -c` in a task's worktree) so a task merges only once it passes.\n");
        }

        if (config.Setup is { } setup)
        {
            text.Append("\n[setup]\n");
            text.Append("# Runs in each new worktree (through `sh -c`) before its agent starts.\n");
            text.Append("run = ").Append(TomlText.Quote(setup)).Append('\n');
            if (config.Caches.Count > 0)
            {
                text.Append("# Download caches shared by every worktree's setup ({repo} is this repository's path).\n");
                text.Append("caches = { ")
                    .AppendJoin(", ", config.Caches.Select(c => $"{c.Key} = {TomlText.Quote(c.Value)}"))
                    .Append(" }\n");
            }
        }

        text.Append("\n# No tasks yet: `fleet new <task>` adds one, `fleet new --ticket FILE` adds one from a ticket file.\n\n");
        text.Append(ReferenceHeading);
        text.Append(CommentOut(reference));
        return text.ToString();
    }

    /// <summary>Every line that is not already a comment or blank gets a leading '#'.</summary>
    public static string CommentOut(string reference)
    {
        var lines = reference.ReplaceLineEndings("\n").Split('\n');
        return string.Join('\n', lines.Select(line => line.Length == 0 || line.StartsWith('#') ? line : "#" + line));
    }
}
