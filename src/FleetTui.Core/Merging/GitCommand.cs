using CliWrap;
using CliWrap.Buffered;

namespace FleetTui.Core.Merging;

/// <summary>
/// The merge engine's git CLI calls, argv only (never a shell string).
/// Kept internal and minimal until the engine's shared git runner lands; then this file goes.
/// </summary>
internal static class GitCommand
{
    public static async Task<GitOutput> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap("git")
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            // A merge must never stop to ask an editor or a pager for anything.
            .WithEnvironmentVariables(env => env.Set("GIT_TERMINAL_PROMPT", "0").Set("GIT_EDITOR", "true").Set("GIT_PAGER", "cat"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken)
            .ConfigureAwait(false);
        return new GitOutput(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs git and returns its stdout; a non-zero exit throws with git's own message.</summary>
    public static async Task<string> RunCheckedAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var output = await RunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false);
        if (output.ExitCode != 0)
            throw new GitCommandException(arguments, output);
        return output.StandardOutput;
    }
}

internal sealed record GitOutput(int ExitCode, string StandardOutput, string StandardError);

internal sealed class GitCommandException(IReadOnlyList<string> arguments, GitOutput output)
    : Exception($"git {string.Join(' ', arguments)} failed ({output.ExitCode}): {output.StandardError.Trim()}")
{
    public GitOutput Output { get; } = output;
}
