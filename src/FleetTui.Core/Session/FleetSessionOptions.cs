using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Git;
using FleetTui.Core.Worktrees;

namespace FleetTui.Core.Session;

/// <summary>What <see cref="FleetSession.OpenAsync"/> needs. Everything but the directory and config has a production default.</summary>
public sealed record FleetSessionOptions
{
    /// <summary>Any folder inside the repository (usually the current directory).</summary>
    public required string RepositoryDirectory { get; init; }

    /// <summary>The facts of that repository when the caller has read them already (they cost a few git calls at start-up).</summary>
    public RepositoryFacts? Repository { get; init; }

    public required FleetConfig Config { get; init; }

    public GitCli Git { get; init; } = new();

    public IAgentLauncher AgentLauncher { get; init; } = NoAgentLauncher.Instance;

    public IPortProbe PortProbe { get; init; } = LoopbackPortProbe.Instance;

    /// <summary>
    /// A session that never writes (<c>fleet ps</c>, <c>fleet merge --dry-run</c>): recovery and status changes stay in its own copy of
    /// the state, and every command but status refreshes and agent updates is refused.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>Environment the setup command inherits on top of fleet's values (tests pass the isolated git environment).</summary>
    public IReadOnlyDictionary<string, string> ExtraSetupEnvironment { get; init; } = new Dictionary<string, string>();
}
