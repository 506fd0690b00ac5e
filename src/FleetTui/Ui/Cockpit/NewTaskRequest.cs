namespace FleetTui.Ui.Cockpit;

/// <summary>What the new-task form collects.</summary>
/// <param name="Host">A remote host (<c>[hosts.&lt;name&gt;]</c>) to make the task on, or null for where fleet.toml declares it (else here).</param>
public sealed record NewTaskRequest(string Name, string? Base, IReadOnlyList<string> DependsOn, string? Agent, string? Host = null);
