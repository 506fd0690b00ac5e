namespace FleetTui.Host.Protocol;

/// <summary>Who is connecting: a cockpit draws panes (and may size them); a CLI verb only sends requests.</summary>
public enum ClientKind
{
    Cockpit,
    Cli,
}
