namespace FleetTui.Core.Git;

/// <summary>A git command failed; the message names the command and carries git's own stderr.</summary>
public sealed class GitException : Exception
{
    public GitException(GitResult result)
        : base($"`git {string.Join(' ', result.Arguments)}` failed (exit {result.ExitCode}): {result.StandardError.Trim()}")
    {
        Result = result;
    }

    public GitResult Result { get; }
}
