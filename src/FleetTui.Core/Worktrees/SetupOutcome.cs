namespace FleetTui.Core.Worktrees;

/// <summary>How a worktree's setup went; when it failed the worktree is kept and <see cref="LogPath"/> says why.</summary>
public sealed record SetupOutcome(bool Succeeded, string? LogPath, string? Failure, int? ExitCode = null)
{
    public static SetupOutcome NothingToRun(string? logPath) => new(true, logPath, null);
}
