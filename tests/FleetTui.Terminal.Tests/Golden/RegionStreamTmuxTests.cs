using System.Text;
using FleetTui.Terminal.Emulation;
using Xunit;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>
/// Seeded streams of scroll-region work (DECSTBM, line feeds at the bottom margin, IL/DL, SU/SD, RI at the top margin),
/// erases with and without a background colour, and text, shown by tmux and by us: the screens must agree, with and
/// without a resize afterwards. The screen first scrolls whole (so its ring of rows no longer starts at row 0), and the
/// regions then straddle the ring's end: the paths issue 17 made proportional to what changes.
/// </summary>
public class RegionStreamTmuxTests
{
    private const int Columns = 80;
    private const int Rows = 24;

    [TmuxTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Region_and_erase_streams_show_what_tmux_shows(int seed)
    {
        var stream = RegionStream(seed);
        var file = Path.Combine(Path.GetTempPath(), $"fleet-region-{Guid.NewGuid():N}.in");
        File.WriteAllBytes(file, stream);
        try
        {
            using var pane = new TmuxPane();
            var tmux = pane.Capture(file, Columns, Rows);
            GoldenTests.Compare($"region stream {seed}", tmux, Replay(stream, null));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// After a resize our re-flow differs from tmux's in explained ways (see <see cref="TmuxLiveTests"/>), so these
    /// screens are pinned to what the emulator showed before issue 17's changes (recorded with
    /// <c>FLEET_RECORD_REGION_RESIZE=1</c>): making resizes cheaper must not change what they show.
    /// </summary>
    [Theory]
    [InlineData(3, 60, 20)]
    [InlineData(4, 120, 30)]
    [InlineData(5, 50, 24)]
    [InlineData(6, 200, 10)]
    [InlineData(7, 13, 40)]
    public void Resizes_after_region_streams_show_what_they_showed_before(int seed, int columns, int rows)
    {
        var screen = string.Join('\n', Replay(RegionStream(seed), (columns, rows)));
        var expectedPath = Path.Combine(GoldenFixture.Folder, $"region-resize-{seed}-{columns}x{rows}.text");
        if (Environment.GetEnvironmentVariable("FLEET_RECORD_REGION_RESIZE") == "1")
            File.WriteAllText(expectedPath, screen);
        Shouldly.ShouldBeStringTestExtensions.ShouldBe(screen, File.ReadAllText(expectedPath));
    }

    /// <summary>The final screen (history included, so pulled-back and pushed rows count too) after an optional resize.</summary>
    private static string[] Replay(byte[] stream, (int Columns, int Rows)? resize)
    {
        var terminal = new VirtualTerminal(Columns, Rows);
        for (var offset = 0; offset < stream.Length; offset += 997)
            terminal.Feed(stream.AsSpan(offset, Math.Min(997, stream.Length - offset)));
        if (resize is { } size)
            terminal.Resize(size.Columns, size.Rows);
        var screen = terminal.Screen;
        var first = resize is null ? 0 : -screen.Scrollback.Count;
        var rows = new string[screen.Rows - first];
        for (var row = first; row < screen.Rows; row++)
        {
            rows[row - first] = screen.GetRowText(row);
            if (resize is null)
                continue;
            // Pinned screens carry the wrap flags and the colours (an erase's background must survive a resize).
            var ansi = new StringBuilder();
            FleetTui.Terminal.Screen.LineText.AppendAnsi(ansi, screen, screen.GetLine(row));
            rows[row - first] += $" <{screen.GetLine(row).Wrapped}> {ansi.ToString().Replace("\e", "ESC", StringComparison.Ordinal)}";
        }

        if (resize is not null)
            rows[^1] += $" cursor {screen.Cursor.Row},{screen.Cursor.Column}";
        return rows;
    }

    internal static byte[] RegionStream(int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < 37; i++)
            sb.Append("line ").Append(i).Append(" of the shell's output\r\n");
        for (var step = 0; step < 60; step++)
        {
            var top = random.Next(1, Rows / 2);
            var bottom = random.Next(Rows / 2 + 1, Rows + 1);
            var word = $"s{step}w{random.Next(1000)}";
            switch (random.Next(8))
            {
                case 0:
                    sb.Append($"\e[{top};{bottom}r\e[{bottom};1H");
                    for (var i = 0; i < random.Next(1, 5); i++)
                        sb.Append(word).Append(" fed ").Append(i).Append("\r\n");
                    sb.Append("\e[r");
                    break;
                case 1:
                    sb.Append($"\e[{top};{bottom}r\e[{top + 1};3H\e[{random.Next(1, 6)}L{word}\e[{random.Next(1, 6)}M\e[r");
                    break;
                case 2:
                    sb.Append($"\e[{top};{bottom}r\e[{random.Next(1, 6)}S\e[{random.Next(1, 4)}T\e[r\e[{top};5H{word}");
                    break;
                case 3:
                    sb.Append($"\e[{top};{bottom}r\e[{top};1H\eM\eM{word}\e[r");
                    break;
                case 4:
                    sb.Append($"\e[4{random.Next(1, 7)}m\e[{random.Next(1, Rows + 1)};{random.Next(1, Columns)}H\e[{random.Next(3)}K{word}\e[0m");
                    break;
                case 5:
                    sb.Append($"\e[{random.Next(1, Rows + 1)};{random.Next(1, 30)}H\e[{random.Next(2)}J{word}");
                    break;
                case 6:
                    sb.Append($"\e[{random.Next(1, Rows + 1)};{random.Next(1, 40)}H{word} \e[{random.Next(1, 5)}P\e[{random.Next(1, 5)}@x\e[{random.Next(1, 9)}X");
                    break;
                default:
                    sb.Append($"\e[{Rows};1H");
                    for (var i = 0; i < random.Next(1, 4); i++)
                        sb.Append("\r\n").Append(word).Append(' ').Append(new string('-', random.Next(0, 100)));
                    break;
            }
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
