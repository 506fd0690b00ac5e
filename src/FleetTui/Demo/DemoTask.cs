namespace FleetTui.Demo;

/// <summary>One task of the demo fleet, as written to its fleet.toml.</summary>
public sealed record DemoTask(
    string Name,
    string Prompt,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Scope,
    IReadOnlyList<string> Ports,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<string>? Repos = null)
{
    /// <summary>The other repositories it spans (<c>repos</c> in fleet.toml): <c>api</c> for checkout, none for the others.</summary>
    public IReadOnlyList<string> OtherRepos => Repos ?? [];

    /// <summary>The branch fleet gives a task by default.</summary>
    public string Branch => $"fleet/{Name}";
}
