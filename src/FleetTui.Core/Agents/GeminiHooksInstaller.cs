using FleetTui.Core.Git;

namespace FleetTui.Core.Agents;

/// <summary>
/// Opt-in: Gemini CLI hooks calling <c>fleet signal</c>, merged into the task's WORKTREE <c>.gemini/settings.json</c>
/// (the project settings Gemini CLI reads in a trusted folder; never ~/.gemini), kept out of git through the worktree's
/// info/exclude. Same file shape and marker as <see cref="ClaudeHooksInstaller"/>.
/// <para>Not yet seen firing here: offline, Gemini CLI stops at its trust and authentication dialogs before any hook
/// runs (the event names and file shape are those of Gemini CLI 0.61's own hook registry).</para>
/// </summary>
public static class GeminiHooksInstaller
{
    public const string SettingsFile = ".gemini/settings.json";

    /// <summary>Gemini CLI hook event → the state it means.</summary>
    public static IReadOnlyList<(string Event, HookSignal Signal)> Events { get; } =
    [
        ("SessionStart", HookSignal.Started),
        ("BeforeAgent", HookSignal.Working),
        ("BeforeTool", HookSignal.Working),
        ("AfterTool", HookSignal.Working),
        ("AfterAgent", HookSignal.Idle),
        ("Notification", HookSignal.Waiting),
        ("SessionEnd", HookSignal.Done),
    ];

    private static readonly Dictionary<string, string> Matchers = new(StringComparer.Ordinal)
    {
        ["BeforeTool"] = "*",
        ["AfterTool"] = "*",
    };

    public static async Task InstallAsync(GitCli git, string worktree, string task, IReadOnlyList<string> fleetArgv, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(worktree, SettingsFile);
        var entries = Events.Select(e => new HookSettingsFile.Entry(e.Event,
            HookCommand.Line(fleetArgv, e.Signal, task, e.Event) + " " + ClaudeHooksInstaller.Marker, Matchers.GetValueOrDefault(e.Event)));
        await HookSettingsFile.MergeAsync(path, entries, [], ClaudeHooksInstaller.Marker, cancellationToken).ConfigureAwait(false);
        await WorktreeExclude.AddAsync(git, worktree, ["/" + SettingsFile], cancellationToken).ConfigureAwait(false);
    }
}
