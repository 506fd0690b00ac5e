using FleetTui.Core.Git;

namespace FleetTui.Core.Config;

/// <summary>A <c>[repos.&lt;name&gt;]</c> as found on disk: its config, the repository's facts and the base branch tasks use there.</summary>
public sealed record LinkedRepository(RepoConfig Config, RepositoryFacts Facts, string BaseBranch)
{
    public string Name => Config.Name;
}
