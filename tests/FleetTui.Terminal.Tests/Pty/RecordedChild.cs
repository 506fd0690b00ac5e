using System.Text;
using FleetTui.Terminal.Pty;

namespace FleetTui.Terminal.Tests.Pty;

/// <summary>A real child on a real PTY whose output is collected as text, with waits on what it printed.</summary>
internal sealed class RecordedChild : IDisposable
{
    private readonly object _lock = new();
    private readonly StringBuilder _text = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[128 * 1024];

    private RecordedChild(PtySpawnOptions options)
    {
        Process = new UnixPtyHost().Spawn(options, Record);
    }

    public IPtyProcess Process { get; }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public static RecordedChild Start(params string[] arguments) => new(new PtySpawnOptions(arguments));

    public static RecordedChild Start(PtySpawnOptions options) => new(options);

    public void WaitForText(string expected, TimeSpan? timeout = null) =>
        Eventually.Until(() => Text.Contains(expected), () => $"output never contained '{expected}'; it was:\n{Text}", timeout);

    public PtyExitStatus WaitForExit() => Eventually.Result(Process.Exited, $"process {Process.ProcessId} to exit; output:\n{Text}");

    /// <summary>Waits until the child exited and all of its output arrived, then returns that output.</summary>
    public string WaitForAllOutput()
    {
        WaitForExit();
        Eventually.Completes(Process.OutputCompleted, "the end of the output");
        return Text;
    }

    public void Dispose() => Process.Dispose();

    private void Record(ReadOnlySpan<byte> chunk)
    {
        lock (_lock)
        {
            int count = _decoder.GetChars(chunk, _chars, flush: false);
            _text.Append(_chars, 0, count);
        }
    }
}
