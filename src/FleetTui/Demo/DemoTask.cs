namespace FleetTui.Demo;

/// <summary>One task of the demo fleet, as written to its fleet.toml.</summary>
public sealed record DemoTask(
    string Name,
    string Prompt,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Scope,
    IReadOnlyList<string> Ports,
    IReadOnlyList<KeyValuePair<string, string>> Env)
{
    /// <summary>The branch fleet gives a task by default.</summary>
    public string Branch => $"fleet/{Name}";
}
