namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>A remote host as the cockpit groups it: its link and its tasks (their names in the cockpit, in pane order).</summary>
public sealed record RemoteHostGroup(string Name, HostLinkStatus Status, IReadOnlyList<string> Tasks);
