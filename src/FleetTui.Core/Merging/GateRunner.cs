using System.Globalization;
using System.Text;
using FleetTui.Core.Files;
using FleetTui.Core.Processes;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// Runs a task's quality gate: <c>sh -c &lt;command&gt;</c> in a directory, in a process group of its own (<see cref="ProcessGroupRunner"/>),
/// judged by the shell's exit, with a timeout; the whole group is killed when the gate ends. stdout and stderr go interleaved into
/// <c>&lt;logs&gt;/&lt;task&gt;/gate-&lt;n&gt;.log</c> (a new 0600 file every run), followed by how it ended and any process that escaped.
/// </summary>
public sealed class GateRunner(string logsRoot)
{
    /// <summary>The <c>fleet/logs</c> folder (in the repository's common git dir).</summary>
    public string LogsRoot { get; } = logsRoot;

    public async Task<GateState> RunAsync(GateRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Command))
            return new GateState(GateOutcome.NoGate, FinishedAt: DateTimeOffset.UtcNow) { Commit = request.Commit };

        var (runNumber, log) = CreateNextLog(request.Task);
        Append(log,
            $"# gate run {runNumber} for task '{request.Task}' ({request.Subject}{(request.Commit is null ? "" : " at " + request.Commit)}) in {request.WorkingDirectory}",
            $"$ {request.Command}");
        var environment = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal)
        {
            ["FLEET_TASK"] = request.Task,
            ["FLEET_GATE_RUN"] = runNumber.ToString(CultureInfo.InvariantCulture),
        };
        var result = await ProcessGroupRunner.RunAsync(new ProcessGroupRequest
        {
            Command = request.Command,
            WorkingDirectory = request.WorkingDirectory,
            Environment = environment,
            Timeout = request.Timeout,
            LogPath = log,
        }, cancellationToken).ConfigureAwait(false);

        var outcome = result.End switch
        {
            ProcessGroupEnd.Exited when result.ExitCode == 0 => GateOutcome.Passed,
            ProcessGroupEnd.TimedOut => GateOutcome.TimedOut,
            _ => GateOutcome.Failed,
        };
        Append(log, result.End switch
        {
            ProcessGroupEnd.Exited => $"# exit code {result.ExitCode} after {result.RunTime.TotalSeconds:0.0} s: {outcome}",
            ProcessGroupEnd.TimedOut => $"# timed out after {request.Timeout.TotalSeconds:0.#} s; its process group was killed",
            ProcessGroupEnd.Cancelled => "# cancelled; its process group was killed",
            _ => $"# could not start: {result.StartError}",
        });
        Append(log, [.. result.Escaped.Select(p => $"# escaped the gate's process group and still runs: pid {p.Pid}: {p.Command}")]);
        cancellationToken.ThrowIfCancellationRequested();
        return new GateState(outcome, runNumber, log, DateTimeOffset.UtcNow) { Commit = request.Commit };
    }

    /// <summary>Creates gate-&lt;n&gt;.log with the next free n; CreateNew makes it impossible to overwrite an older run, even racing another process.</summary>
    private (int RunNumber, string Path) CreateNextLog(string task)
    {
        var folder = Path.Combine(LogsRoot, task);
        OwnerOnly.CreateFolder(folder);
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
                OwnerOnly.Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read).Dispose();
                return (next, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                next++;
            }
        }
    }

    private static void Append(string log, params string[] lines)
    {
        if (lines.Length > 0)
            File.AppendAllText(log, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
    }
}
