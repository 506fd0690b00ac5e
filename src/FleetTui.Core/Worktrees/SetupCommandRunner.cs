using System.Text;
using FleetTui.Core.Files;
using FleetTui.Core.Processes;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Runs the user's <c>[setup] run</c> command through <c>sh -c</c> in the worktree, in a process group of its own judged by the shell's
/// exit (<see cref="ProcessGroupRunner"/>), with our values as environment variables only (never spliced into the command). stdout and
/// stderr go to one 0600 log file; a timeout kills the whole group.
/// </summary>
public static class SetupCommandRunner
{
    public static async Task<SetupOutcome> RunAsync(
        string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string logPath,
        CancellationToken cancellationToken = default)
    {
        OwnerOnly.CreateFolder(Path.GetDirectoryName(logPath)!);
        using (var log = OwnerOnly.Open(logPath, FileMode.Create, FileAccess.Write))
            log.Write(Encoding.UTF8.GetBytes($"$ sh -c {command}\n"));

        var result = await ProcessGroupRunner.RunAsync(new ProcessGroupRequest
        {
            Command = command,
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Timeout = timeout,
            LogPath = logPath,
        }, cancellationToken).ConfigureAwait(false);

        var outcome = result.End switch
        {
            ProcessGroupEnd.Exited when result.ExitCode == 0 => new SetupOutcome(true, logPath, null, 0),
            ProcessGroupEnd.Exited => new SetupOutcome(false, logPath, $"setup command exited with code {result.ExitCode} (log: {logPath})", result.ExitCode),
            ProcessGroupEnd.TimedOut => new SetupOutcome(false, logPath, $"setup command timed out after {timeout.TotalSeconds:0}s (log: {logPath})"),
            // Shutting down mid-setup: the worktree exists, so report it as a failed setup rather than lose track of it.
            ProcessGroupEnd.Cancelled => new SetupOutcome(false, logPath, $"setup was interrupted because fleet stopped (log: {logPath})"),
            _ => new SetupOutcome(false, logPath, $"setup command could not start: {result.StartError} (log: {logPath})"),
        };
        var lines = new List<string>
        {
            result.End switch
            {
                ProcessGroupEnd.Exited => $"[fleet] setup exited with code {result.ExitCode} after {result.RunTime.TotalSeconds:0.0}s",
                ProcessGroupEnd.TimedOut => $"[fleet] setup killed after the {timeout.TotalSeconds:0}s timeout",
                ProcessGroupEnd.Cancelled => "[fleet] setup interrupted: fleet was stopping",
                _ => $"[fleet] setup could not start: {result.StartError}",
            },
        };
        lines.AddRange(result.Escaped.Select(p => $"[fleet] escaped the setup's process group and still runs: pid {p.Pid}: {p.Command}"));
        File.AppendAllText(logPath, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
        return outcome;
    }
}
