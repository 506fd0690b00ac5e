using FleetTui.Core.Tests.Support;

namespace FleetTui.RealAgents.Tests.Support;

/// <summary>
/// Where scripts/install-agents.sh put the real agents: <c>.cache/agents/node_modules/.bin</c> at the repository root.
/// CI always installs them; a developer who did not is told how, and the tests are skipped.
/// </summary>
public static class AgentInstall
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, ".cache", "agents", "node_modules", ".bin");

    public static string PathOf(string agent) => Path.Combine(Folder, agent);

    public static bool Has(string agent) => File.Exists(PathOf(agent));

    public static string SkipReason(string agent) =>
        $"{agent} is not installed in {Folder}: run scripts/install-agents.sh (CI always does)";
}
