using System.Text;
using FleetTui.Terminal.Pty;

namespace FleetTui.Terminal.Emulation;

/// <summary>
/// Runs the emulator's hot paths once, on a throwaway terminal, on a background thread at the lowest priority, so the
/// JIT has compiled them at full optimisation before the first program floods a pane. Without it the first 20 MB `cat`
/// in a pane took twice as long as the next one (scripts/bench-tui-throughput.sh): the tier-up happened during the flood,
/// on the same two cores.
/// </summary>
public static class EmulatorWarmUp
{
    /// <summary>Bytes fed in all: enough calls for every hot method to pass the JIT's call-count threshold many times.</summary>
    private const int Volume = 3 * 1024 * 1024;

    /// <summary>The chunk size a PTY read returns.</summary>
    private const int Chunk = 4095;

    public static Thread StartInBackground(int columns, int rows)
    {
        var thread = new Thread(() =>
        {
            UnixThreadPriority.TryLowerCurrentThread(19);
            Run(columns, rows);
        }) { IsBackground = true, Name = "emulator warm-up" };
        thread.Start();
        return thread;
    }

    /// <summary>Feeds <see cref="Volume"/> bytes of typical program output (colors, UTF-8, wide characters, tabs, cursor moves, scrolling).</summary>
    public static void Run(int columns, int rows)
    {
        var terminal = new VirtualTerminal(Math.Max(20, columns), Math.Max(5, rows), scrollbackLimit: 1000);
        var sample = Sample();
        var dirty = new Screen.DirtyRowSet(terminal.Screen.Rows);
        for (var fed = 0; fed < Volume; fed += sample.Length)
        {
            for (var offset = 0; offset < sample.Length; offset += Chunk)
            {
                terminal.Feed(sample.AsSpan(offset, Math.Min(Chunk, sample.Length - offset)));
                terminal.TakeFrame(dirty);
            }
        }
    }

    private static byte[] Sample()
    {
        var text = new StringBuilder();
        for (var line = 0; line < 400; line++)
        {
            text.Append("\u001b[32m+\u001b[0m ").Append(line).Append("\tplain ascii text of a log line, base64 QUJDREVGR0hJSktMTU5PUA==");
            if (line % 3 == 0)
                text.Append(" \u001b[1;38;5;208mbold 256\u001b[22;39m \u001b[38;2;120;200;80mtruecolor\u001b[m");
            if (line % 7 == 0)
                text.Append(" 中文字符 ✔ é");
            if (line % 11 == 0)
                text.Append("\r\u001b[2K\u001b[1A\u001b[5C\u001b[K progress ").Append(line % 100).Append('%');
            text.Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
