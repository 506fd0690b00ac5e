using System.Text;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>
/// Deterministic (seeded) streams for the screen-size benchmark: what a full-screen program and a shell send around
/// resizes: scroll regions set and reset, lines fed at a region's bottom margin, IL/DL, SU/SD, RI at the top margin,
/// erases of the display and of lines, and ordinary text lines. Each block is what a program writes after one resize.
/// </summary>
public static class ScreenSizeStreams
{
    private static readonly string[] Words =
        ["alpha", "beta", "gamma", "delta", "kappa", "lambda", "sigma", "omega", "fleet", "terminal"];

    /// <summary>Blocks of about <paramref name="blockBytes"/> each, <paramref name="totalBytes"/> in all, for a screen of up to <paramref name="rows"/> rows.</summary>
    public static List<byte[]> ResizeStormBlocks(int totalBytes, int blockBytes, int rows)
    {
        var random = new Random(7);
        var blocks = new List<byte[]>();
        var total = 0;
        var sb = new StringBuilder(blockBytes + 512);
        while (total < totalBytes)
        {
            sb.Clear();
            while (sb.Length < blockBytes)
                AppendStep(sb, random, rows);
            var bytes = Encoding.ASCII.GetBytes(sb.ToString());
            blocks.Add(bytes);
            total += bytes.Length;
        }

        return blocks;
    }

    private static void AppendStep(StringBuilder sb, Random random, int rows)
    {
        var top = random.Next(1, rows / 2);
        var bottom = random.Next(rows / 2 + 1, rows + 1);
        switch (random.Next(9))
        {
            case 0: // a status line program: region, lines fed at its bottom, region reset
                sb.Append("\e[").Append(top).Append(';').Append(bottom).Append('r');
                sb.Append("\e[").Append(bottom).Append(";1H");
                for (var i = 0; i < 8; i++)
                    AppendWords(sb, random).Append("\r\n");
                sb.Append("\e[r");
                break;
            case 1: // insert and delete lines inside a region
                sb.Append("\e[").Append(top).Append(';').Append(bottom).Append('r');
                sb.Append("\e[").Append(top + 1).Append(";1H\e[").Append(random.Next(1, 40)).Append('L');
                sb.Append("\e[").Append(random.Next(1, 40)).Append("M\e[r");
                break;
            case 2: // scroll up and down (SU/SD) in a region
                sb.Append("\e[").Append(top).Append(';').Append(bottom).Append('r');
                sb.Append("\e[").Append(random.Next(1, 20)).Append("S\e[").Append(random.Next(1, 20)).Append("T\e[r");
                break;
            case 3: // reverse index at the top margin (a pager scrolling back)
                sb.Append("\e[").Append(top).Append(';').Append(bottom).Append("r\e[").Append(top).Append(";1H");
                for (var i = 0; i < 4; i++)
                    sb.Append("\eM");
                AppendWords(sb, random).Append("\e[r");
                break;
            case 4: // a redraw after a resize: clear the screen, draw a few rows here and there
                sb.Append("\e[H\e[2J");
                for (var i = 0; i < 6; i++)
                {
                    sb.Append("\e[").Append(random.Next(1, rows + 1)).Append(';').Append(random.Next(1, 40)).Append('H');
                    AppendWords(sb, random);
                }
                break;
            case 5: // erase below and above, erase lines, with a background colour (BCE)
                sb.Append("\e[44m\e[").Append(random.Next(1, rows + 1)).Append(";1H\e[J\e[1J\e[2K\e[0m");
                break;
            default: // plain output at the bottom of the screen
                sb.Append("\e[").Append(rows).Append(";1H");
                for (var i = 0; i < 6; i++)
                    AppendWords(sb, random).Append("\r\n");
                break;
        }
    }

    private static StringBuilder AppendWords(StringBuilder sb, Random random)
    {
        var count = random.Next(3, 14);
        for (var w = 0; w < count; w++)
        {
            if (w > 0)
                sb.Append(' ');
            sb.Append(Words[random.Next(Words.Length)]);
        }

        return sb;
    }
}
