namespace FleetTui.Core.Merging;

/// <summary>One record of <c>git worktree list --porcelain -z</c>.</summary>
internal sealed record WorktreeEntry(string Path, string? Head, string? Branch)
{
    public static async Task<IReadOnlyList<WorktreeEntry>> ListAsync(string repoPath, CancellationToken cancellationToken)
    {
        var output = await GitCommand.RunCheckedAsync(repoPath, ["worktree", "list", "--porcelain", "-z"], cancellationToken).ConfigureAwait(false);
        var entries = new List<WorktreeEntry>();
        string? path = null, head = null, branch = null;
        foreach (var field in output.Split('\0'))
        {
            if (field.Length == 0)
            {
                if (path is not null)
                    entries.Add(new WorktreeEntry(path, head, branch));
                path = head = branch = null;
            }
            else if (field.StartsWith("worktree ", StringComparison.Ordinal))
                path = field["worktree ".Length..];
            else if (field.StartsWith("HEAD ", StringComparison.Ordinal))
                head = field["HEAD ".Length..];
            else if (field.StartsWith("branch ", StringComparison.Ordinal))
                branch = field["branch ".Length..];
        }
        if (path is not null)
            entries.Add(new WorktreeEntry(path, head, branch));
        return entries;
    }
}
