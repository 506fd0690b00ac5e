namespace FleetTui.Ui.Cockpit;

/// <summary>What the new-task form collects.</summary>
public sealed record NewTaskRequest(string Name, string? Base, IReadOnlyList<string> DependsOn, string? Agent);
