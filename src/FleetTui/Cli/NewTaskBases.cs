namespace FleetTui.Cli;

/// <summary>
/// <c>fleet new</c>'s <c>--base</c> values: one plain value for this repository, and <c>&lt;repo&gt;=&lt;branch&gt;</c> for a repository
/// (a value whose left side is no valid repository name is this repository's: branch names may hold '='). A repository's base given
/// without <c>--repo</c> for it reaches the session, which says to add <c>--repo</c>.
/// </summary>
public sealed record NewTaskBases(string? ThisRepository, IReadOnlyDictionary<string, string> Repos)
{
    /// <summary>Null when a base is given twice for the same repository.</summary>
    public static NewTaskBases? Split(IReadOnlyList<string> values, IReadOnlyCollection<string> repos)
    {
        string? own = null;
        var byRepo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && (repos.Contains(value[..equals]) || Core.Config.Validation.RepoName.Problem(value[..equals]) is null))
            {
                if (!byRepo.TryAdd(value[..equals], value[(equals + 1)..]))
                    return null;
            }
            else if (own is null)
            {
                own = value;
            }
            else
            {
                return null;
            }
        }

        return new NewTaskBases(own, byRepo);
    }
}
