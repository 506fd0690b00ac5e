namespace FleetTui.Core.Worktrees;

/// <summary>Parses <c>git worktree list --porcelain -z</c>: attribute lines separated by NUL, records by an empty line.</summary>
public static class WorktreeListParser
{
    public static IReadOnlyList<WorktreeInfo> Parse(string output)
    {
        var worktrees = new List<WorktreeInfo>();
        WorktreeInfo? current = null;
        foreach (var line in output.Split('\0'))
        {
            if (line.Length == 0)
            {
                if (current is not null)
                    worktrees.Add(current);
                current = null;
                continue;
            }

            var space = line.IndexOf(' ');
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? "" : line[(space + 1)..];
            current = key switch
            {
                "worktree" => new WorktreeInfo { Path = value },
                _ when current is null => null, // an attribute before any "worktree" line: ignore rather than guess
                "HEAD" => current with { Head = value },
                "branch" => current with { Branch = value.StartsWith("refs/heads/", StringComparison.Ordinal) ? value["refs/heads/".Length..] : value },
                "bare" => current with { IsBare = true },
                "detached" => current with { IsDetached = true },
                "locked" => current with { IsLocked = true },
                "prunable" => current with { IsPrunable = true },
                _ => current, // future attributes are ignored
            };
        }

        if (current is not null)
            worktrees.Add(current);
        return worktrees;
    }
}
