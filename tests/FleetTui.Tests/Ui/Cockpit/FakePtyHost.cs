using System.Text;
using FleetTui.Terminal.Pty;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>A PTY host whose "programs" are driven by the test: output is pushed by hand, input is recorded.</summary>
internal sealed class FakePtyHost : IPtyHost
{
    public List<FakePtyProcess> Started { get; } = [];

    public IPtyProcess Spawn(PtySpawnOptions options, PtyOutputHandler onOutput)
    {
        var process = new FakePtyProcess(options, onOutput);
        Started.Add(process);
        return process;
    }
}

internal sealed class FakePtyProcess(PtySpawnOptions options, PtyOutputHandler onOutput) : IPtyProcess
{
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _input = new();

    public PtySpawnOptions Options { get; } = options;
    public int ProcessId => 4242;
    public string TerminalName => "/dev/pts/fake";
    public int Columns { get; private set; } = options.Columns;
    public int Rows { get; private set; } = options.Rows;

    public bool Foreground { get; set; }
    public Task<PtyExitStatus> Exited => _exited.Task;
    public Task OutputCompleted => _exited.Task;
    public int? ForegroundProcessGroup => ProcessId;
    public List<(int Columns, int Rows)> Resizes { get; } = [];

    public string InputText
    {
        get
        {
            lock (_input)
                return Encoding.UTF8.GetString(_input.ToArray());
        }
    }

    public void Output(string text) => onOutput(Encoding.UTF8.GetBytes(text));

    public void Exit(int code) => _exited.TrySetResult(new PtyExitStatus(code, null));

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_input)
            _input.Write(data);
    }

    public void Resize(int columns, int rows)
    {
        (Columns, Rows) = (columns, rows);
        Resizes.Add((columns, rows));
    }

    public void Signal(int signal) { }

    public void Dispose() => _exited.TrySetResult(new PtyExitStatus(null, 1));
}
