using System.Diagnostics;
using System.Text;

namespace FleetTui.Terminal.Diagnostics;

/// <summary>
/// When <see cref="Variable"/> names a path, each process appends one line per step of a keystroke's way to the screen
/// and back to "&lt;path&gt;.&lt;pid&gt;": "&lt;microseconds on the monotonic clock&gt; &lt;pid&gt; &lt;step&gt; &lt;detail&gt;". The clock is the same in
/// every process of the machine, so sorting the files together gives one timeline (scripts/echo-trace.sh does).
/// A file per process because .NET's append mode seeks to the end instead of opening with O_APPEND: two processes
/// writing one file overwrite each other's lines.
/// Off unless asked: each step then costs one field read.
/// </summary>
public static class EchoTrace
{
    public const string Variable = "FLEET_ECHO_TRACE";

    private static readonly FileStream? Log = Open();
    private static readonly object Gate = new();
    private static readonly int Pid = Environment.ProcessId;

    public static bool Enabled => Log is not null;

    /// <summary>A step with a number (bytes, milliseconds, a count), formatted only when tracing: the PTY reader marks every chunk.</summary>
    public static void Mark(string step, long value)
    {
        if (Log is not null)
            Mark(step, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Mark(string step, string detail = "")
    {
        if (Log is null)
            return;
        var micros = Stopwatch.GetTimestamp() * 1_000_000 / Stopwatch.Frequency;
        var line = Encoding.UTF8.GetBytes($"{micros} {Pid} {step} {detail}\n");
        lock (Gate)
        {
            Log.Write(line);
            Log.Flush();
        }
    }

    private static FileStream? Open()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            return null;
        path = $"{path}.{Environment.ProcessId}";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
