namespace FleetTui.Core.Merging;

/// <summary>Paths with uncommitted changes in a worktree (staged, unstaged or untracked), from <c>git status --porcelain -z</c>.</summary>
internal static class WorkingTreeStatus
{
    public static async Task<IReadOnlyList<string>> DirtyPathsAsync(string worktree, CancellationToken cancellationToken)
    {
        var output = await GitCommand.RunCheckedAsync(worktree, ["status", "--porcelain=v1", "-z", "--untracked-files=all"], cancellationToken).ConfigureAwait(false);
        var fields = output.Split('\0');
        var paths = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Length < 4)
                continue;
            paths.Add(field[3..]);
            // A rename or copy is followed by its source path in the next field.
            if (field[0] is 'R' or 'C' || field[1] is 'R' or 'C')
                i++;
        }
        return paths;
    }
}
