namespace FleetTui.Core.Git;

/// <summary>Where a repository lives: its working tree root, its common git dir (shared by all worktrees) and its checked-out branch.</summary>
public sealed record RepositoryFacts(string Root, string CommonDir, string? CurrentBranch)
{
    /// <summary>The repository's folder name (<c>{repo}</c> in templates).</summary>
    public string Name => Path.GetFileName(Root.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>Reads the facts for the repository containing <paramref name="directory"/>; throws <see cref="GitException"/> outside a repository.</summary>
    public static async Task<RepositoryFacts> ReadAsync(GitCli git, string directory, CancellationToken cancellationToken = default)
    {
        // Both questions at once: every start of the cockpit waits for them.
        var symbolicRef = git.TryRunAsync(directory, ["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken);
        string output;
        try
        {
            output = await git.RunAsync(directory, ["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir"], cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            // Outside a repository symbolic-ref fails too; wait for it either way so no git process outlives the call.
            await ((Task)symbolicRef).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
            throw new InvalidOperationException($"Unexpected `git rev-parse` output in {directory}: {output}");

        // Detached HEAD: symbolic-ref exits 1 and the current branch is unknown.
        var branch = await symbolicRef.ConfigureAwait(false);
        var current = branch.Succeeded ? branch.StandardOutput.Trim() : null;
        return new RepositoryFacts(Path.GetFullPath(lines[0]), Path.GetFullPath(lines[1]), current);
    }

    /// <summary>Our own folder inside the common git dir: state.json, logs.</summary>
    public string FleetDir => Path.Combine(CommonDir, "fleet");
}
