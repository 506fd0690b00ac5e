using System.Text;

namespace FleetTui.Benchmarks.Emulator;

/// <summary>
/// The byte streams the emulator benchmarks and scripts/bench-replay-vs-tmux.sh use: about 20 MB of plain text lines,
/// and 20 MB of SGR-heavy colored text (256-color and truecolor on every word). Deterministic (seeded).
/// </summary>
public static class BenchmarkStreams
{
    public const int TargetBytes = 20 * 1024 * 1024;

    private static readonly string[] Words =
        ["alpha", "beta", "gamma", "delta", "kappa", "lambda", "sigma", "omega", "fleet", "terminal"];

    public static byte[] Plain()
    {
        var random = new Random(1);
        var sb = new StringBuilder(TargetBytes + 256);
        while (sb.Length < TargetBytes)
        {
            for (var w = 0; w < 12; w++)
            {
                if (w > 0)
                    sb.Append(' ');
                sb.Append(Words[random.Next(Words.Length)]);
            }

            sb.Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    public static byte[] Colored()
    {
        var random = new Random(1);
        var sb = new StringBuilder(TargetBytes + 256);
        var i = 0;
        while (sb.Length < TargetBytes)
        {
            for (var w = 0; w < 10; w++)
            {
                i++;
                sb.Append("\e[38;5;").Append(i % 256).Append("m\e[48;2;")
                    .Append(i % 256).Append(';').Append(i * 7 % 256).Append(';').Append(i * 13 % 256).Append('m')
                    .Append(Words[random.Next(Words.Length)]).Append("\e[0m ");
            }

            sb.Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Writes both streams to a folder (for the tmux comparison script).</summary>
    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "plain.bin"), Plain());
        File.WriteAllBytes(Path.Combine(folder, "colored.bin"), Colored());
    }
}
