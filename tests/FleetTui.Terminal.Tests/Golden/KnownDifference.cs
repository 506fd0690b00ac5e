namespace FleetTui.Terminal.Tests.Golden;

/// <summary>
/// A row where we deliberately differ from tmux: what we show instead, and why. The golden tests accept exactly this
/// row text and nothing else, so a change on our side still fails.
/// </summary>
public sealed record KnownDifference(string Fixture, int Row, string Ours, string Why)
{
    public static IReadOnlyList<KnownDifference> All { get; } =
    [
        new("edges", 5, " <文中文",
            "ICH at the right half of a wide character: tmux shifts the half away and leaves the left half drawn; " +
            "we blank the split character, as xterm does, so no cell shows half a glyph."),
        new("edges", 13, new string('q', 98) + "cu",
            "CUB right after filling the last column (pending wrap): tmux keeps the cursor past the edge (column 101) so " +
            "CUB 1 lands on column 100; xterm, VTE and ghostty keep it on column 100 with a flag, so CUB 1 lands on 99. We follow xterm."),
    ];

    public static KnownDifference? Find(string fixture, int row) =>
        All.FirstOrDefault(d => d.Fixture == fixture && d.Row == row);
}
