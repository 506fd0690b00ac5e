using CliWrap;
using CliWrap.Buffered;
using FleetTui.Core.Agents;

namespace FleetTui.Cli.Doctor;

/// <summary>
/// This machine, with <paramref name="environment"/> laid over the process environment (a null value unsets a variable) for
/// every lookup and every program run; the process's own environment is never changed.
/// </summary>
public sealed class LocalMachine(IReadOnlyDictionary<string, string?> environment, string workingDirectory) : IMachine
{
    public string WorkingDirectory { get; } = workingDirectory;

    public string? Variable(string name) =>
        environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    public string? FindProgram(string program) => CommandLocator.Resolve(program, Variable("PATH"), WorkingDirectory);

    public string? ReadFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public IReadOnlyList<string> ListFiles(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) ? Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public async Task<ProgramRun> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Cancelling kills the program and its children (CliWrap kills the process tree), so nothing outlives the check.
            var result = await CliWrap.Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(WorkingDirectory)
                .WithEnvironmentVariables(environment)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token);
            return new ProgramRun(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProgramRun.Timeout();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return ProgramRun.CouldNotStart(e.Message);
        }
    }
}
