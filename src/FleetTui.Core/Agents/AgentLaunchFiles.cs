using FleetTui.Core.Git;

namespace FleetTui.Core.Agents;

/// <summary>Writes a plan's files into the worktree (the ticket for the file handover) and excludes them from git.</summary>
public static class AgentLaunchFiles
{
    public static async Task WriteAsync(GitCli git, AgentLaunchPlan plan, CancellationToken cancellationToken = default)
    {
        await WorktreeExclude.AddAsync(git, plan.WorkingDirectory, plan.ExcludePatterns, cancellationToken).ConfigureAwait(false);
        foreach (var (path, text) in plan.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
    }
}
