using System.Text;
using CliWrap;

namespace FleetTui.Demo;

/// <summary>Runs a program as an argv (never through a shell) and collects its output; a non-zero exit is a result, not an exception.</summary>
public static class DemoCommand
{
    public static async Task<DemoCommandResult> RunAsync(
        IReadOnlyList<string> argv,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(argv.Count);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = CliWrap.Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                    env.Set(name, value);
            })
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);
        var result = await command.ExecuteAsync(cancellationToken);
        return new DemoCommandResult(result.ExitCode, stdout.Append(stderr).ToString());
    }

    /// <summary>Runs git and throws with its output when it fails: for the steps that must work (building the demo repository).</summary>
    public static async Task<string> GitAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments)
    {
        var result = await RunAsync(["git", .. arguments], workingDirectory, environment);
        if (!result.Succeeded)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {workingDirectory} (exit {result.ExitCode}): {result.Output.Trim()}");
        return result.Output;
    }
}
