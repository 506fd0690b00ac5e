using FleetTui.Terminal.Pty;

namespace FleetTui.Terminal.Tests.Input;

/// <summary>A fake terminal that only records what is written to it, one entry per Write.</summary>
internal sealed class RecordingPtyProcess : IPtyProcess
{
    public List<byte[]> Writes { get; } = [];

    public int ProcessId => 4242;

    public string TerminalName => "/dev/pts/fake";

    public int Columns => 80;

    public int Rows => 24;

    public bool Foreground { get; set; }

    public Task<PtyExitStatus> Exited { get; } = new TaskCompletionSource<PtyExitStatus>().Task;

    public Task OutputCompleted { get; } = new TaskCompletionSource().Task;

    public int? ForegroundProcessGroup => ProcessId;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            Writes.Add(data.ToArray());
        }
    }

    public void Resize(int columns, int rows) => throw new NotSupportedException();

    public void Signal(int signal) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
