namespace FleetTui.Terminal.Emulation;

/// <summary>A desktop notification a program asked for (OSC 9 text, or OSC 777;notify;title;body).</summary>
public sealed record TerminalNotification(string Title, string Body);
