using System.Text;
using CliWrap;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Runs the user's <c>[setup] run</c> command through <c>sh -c</c> exactly as written, in the worktree, with our values as
/// environment variables only (never spliced into the command). stdout and stderr go to one log file; a timeout kills the process tree.
/// </summary>
public static class SetupCommandRunner
{
    public static async Task<SetupOutcome> RunAsync(
        string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string logPath,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using var log = new StreamWriter(logPath, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        var gate = new object();
        void Write(string line)
        {
            lock (gate)
                log.WriteLine(line);
        }

        Write($"$ sh -c {command}");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var result = await Cli.Wrap("sh")
                .WithArguments(["-c", command])
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value))
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Write))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Write))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(timeoutSource.Token)
                .ConfigureAwait(false);
            Write($"[fleet] setup exited with code {result.ExitCode} after {result.RunTime.TotalSeconds:0.0}s");
            return result.ExitCode == 0
                ? new SetupOutcome(true, logPath, null, 0)
                : new SetupOutcome(false, logPath, $"setup command exited with code {result.ExitCode} (log: {logPath})", result.ExitCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Write($"[fleet] setup killed after the {timeout.TotalSeconds:0}s timeout");
            return new SetupOutcome(false, logPath, $"setup command timed out after {timeout.TotalSeconds:0}s (log: {logPath})");
        }
        catch (OperationCanceledException)
        {
            // Shutting down mid-setup: the worktree exists, so report it as a failed setup rather than lose track of it.
            Write("[fleet] setup interrupted: fleet was stopping");
            return new SetupOutcome(false, logPath, $"setup was interrupted because fleet stopped (log: {logPath})");
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Write($"[fleet] setup could not start: {error.Message}");
            return new SetupOutcome(false, logPath, $"setup command could not start: {error.Message} (log: {logPath})");
        }
    }
}
