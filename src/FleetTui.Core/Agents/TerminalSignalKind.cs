namespace FleetTui.Core.Agents;

/// <summary>The terminal-level signals an agent gives without knowing about us.</summary>
public enum TerminalSignalKind
{
    /// <summary>OSC 9 or OSC 777 notify: agents send it when they need the user.</summary>
    Notification,
    /// <summary>BEL outside an OSC string.</summary>
    Bell,
    /// <summary>OSC 0/2 window title (Claude Code and the demo agents put a spinner or a state word in it).</summary>
    Title,
}
