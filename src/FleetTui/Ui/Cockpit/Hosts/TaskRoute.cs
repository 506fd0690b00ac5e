namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>Where a task of the cockpit lives: its host (null: this machine) and its name there.</summary>
public sealed record TaskRoute(string? Host, string Name);
