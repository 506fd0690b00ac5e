using FleetTui.Core.Session;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>One remote host as its link last saw it: its state and its fleet host's last snapshot (null until the first connection).</summary>
public sealed record RemoteHostView(string Name, HostLinkStatus Status, SessionSnapshot? Snapshot);
