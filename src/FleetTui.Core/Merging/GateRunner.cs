using System.Diagnostics;
using System.Text;
using CliWrap;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// Runs a task's quality gate: <c>sh -c &lt;command as written&gt;</c> in a directory, with a timeout,
/// stdout and stderr interleaved as they come into <c>&lt;logs&gt;/&lt;task&gt;/gate-&lt;n&gt;.log</c> (a new file every run).
/// </summary>
public sealed class GateRunner(string logsRoot)
{
    /// <summary>The <c>fleet/logs</c> folder (in the repository's common git dir).</summary>
    public string LogsRoot { get; } = logsRoot;

    public async Task<GateState> RunAsync(GateRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Command))
            return new GateState(GateOutcome.NoGate, FinishedAt: DateTimeOffset.UtcNow) { Commit = request.Commit };

        var (runNumber, log) = OpenNextLog(request.Task);
        var sink = new LogSink(log);
        await using (sink.ConfigureAwait(false))
        {
            sink.WriteLine($"# gate run {runNumber} for task '{request.Task}' ({request.Subject}{(request.Commit is null ? "" : " at " + request.Commit)}) in {request.WorkingDirectory}");
            sink.WriteLine($"$ {request.Command}");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(request.Timeout);
            var clock = Stopwatch.StartNew();
            GateOutcome outcome;
            try
            {
                var result = await Cli.Wrap("sh")
                    .WithArguments(["-c", request.Command])
                    .WithWorkingDirectory(request.WorkingDirectory)
                    .WithEnvironmentVariables(env =>
                    {
                        foreach (var (name, value) in request.Environment)
                            env.Set(name, value);
                        env.Set("FLEET_TASK", request.Task).Set("FLEET_GATE_RUN", runNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    })
                    .WithStandardInputPipe(PipeSource.Null)
                    .WithStandardOutputPipe(PipeTarget.Create(sink.CopyFromAsync))
                    .WithStandardErrorPipe(PipeTarget.Create(sink.CopyFromAsync))
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteAsync(timeout.Token)
                    .ConfigureAwait(false);
                outcome = result.ExitCode == 0 ? GateOutcome.Passed : GateOutcome.Failed;
                sink.WriteLine($"# exit code {result.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s: {outcome}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // CliWrap killed the process tree on the timeout token.
                outcome = GateOutcome.TimedOut;
                sink.WriteLine($"# timed out after {request.Timeout.TotalSeconds:0.#} s; killed");
            }
            catch (OperationCanceledException)
            {
                sink.WriteLine("# cancelled; killed");
                throw;
            }
            return new GateState(outcome, runNumber, log.Name, DateTimeOffset.UtcNow) { Commit = request.Commit };
        }
    }

    /// <summary>Creates gate-&lt;n&gt;.log with the next free n; CreateNew makes it impossible to overwrite an older run, even racing another process.</summary>
    private (int RunNumber, FileStream Log) OpenNextLog(string task)
    {
        var folder = Path.Combine(LogsRoot, task);
        Directory.CreateDirectory(folder);
        var next = Directory.EnumerateFiles(folder, "gate-*.log")
            .Select(path => Path.GetFileNameWithoutExtension(path)["gate-".Length..])
            .Select(number => int.TryParse(number, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max() + 1;
        while (true)
        {
            var path = Path.Combine(folder, $"gate-{next}.log");
            try
            {
                return (next, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
            }
            catch (IOException) when (File.Exists(path))
            {
                next++;
            }
        }
    }

    /// <summary>One log file fed by two pipes; chunks are written whole, in arrival order, and flushed so a viewer can tail it.</summary>
    private sealed class LogSink(FileStream log) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public void WriteLine(string line)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            _gate.Wait();
            try
            {
                log.Write(bytes);
                log.Flush();
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task CopyFromAsync(Stream source, CancellationToken cancellationToken)
        {
            var buffer = new byte[8192];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await log.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    await log.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await log.DisposeAsync().ConfigureAwait(false);
            _gate.Dispose();
        }
    }
}
