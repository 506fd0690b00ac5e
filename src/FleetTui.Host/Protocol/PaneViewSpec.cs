namespace FleetTui.Host.Protocol;

/// <summary>
/// One pane as a client shows it: the room it has for the program (columns, rows) and how far it is scrolled back into
/// history (0: the live screen). Only panes a client lists get screen updates.
/// </summary>
public sealed record PaneViewSpec(string Task, int Columns, int Rows, int ScrollOffset = 0);
