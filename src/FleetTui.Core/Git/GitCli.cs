using CliWrap;
using CliWrap.Buffered;

namespace FleetTui.Core.Git;

/// <summary>
/// Runs the git executable with an argv (never a shell string) and captures its output.
/// Used for every git write (worktree add/remove, branch delete) where libgit2 falls short or is unsafe.
/// </summary>
public sealed class GitCli
{
    public GitCli(GitCliOptions? options = null)
    {
        Options = options ?? GitCliOptions.Default;
        // No credential or editor prompt may ever block a headless fleet; C locale keeps messages stable.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_EDITOR"] = "true",
            ["LC_ALL"] = "C",
        };
        foreach (var (name, value) in Options.Environment)
            environment[name] = value;
        Environment = environment;
    }

    public GitCliOptions Options { get; }

    /// <summary>The environment every child gets on top of ours (also handy for other children that call git, e.g. setup commands in tests).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Runs git and returns its result whatever the exit code.</summary>
    public Task<GitResult> TryRunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        TryRunWithInputAsync(workingDirectory, arguments, standardInput: null, cancellationToken);

    /// <summary>Runs git with <paramref name="standardInput"/> on its stdin (e.g. <c>--stdin</c> revision lists), whatever the exit code.</summary>
    public async Task<GitResult> TryRunWithInputAsync(
        string workingDirectory, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap(Options.Executable)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Environment)
            .WithStandardInputPipe(standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .ConfigureAwait(false);
        return new GitResult(arguments, result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs git; a non-zero exit throws <see cref="GitException"/>. Returns stdout.</summary>
    public async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw new GitException(result);
    }
}
