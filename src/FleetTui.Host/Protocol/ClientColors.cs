namespace FleetTui.Host.Protocol;

/// <summary>
/// The colours a client draws panes with (its theme): the host answers programs' colour queries (OSC 4, 10, 11, 12)
/// with the latest active client's, so a program that tints itself by the background sees the one really shown.
/// Colours are 0xRRGGBB; <see cref="Ansi"/> holds the 16 ANSI colours.
/// </summary>
public sealed record ClientColors(int Foreground, int Background, int Cursor, IReadOnlyList<int> Ansi);
