using FleetTui.Core.Config;
using FleetTui.Core.Git;

namespace FleetTui.Host.Remote;

/// <summary>
/// Gives a remote host's clone this machine's integrated base, so that a task there that depends on work merged here
/// starts from it: <c>git push DEST:PATH +refs/heads/BASE:refs/heads/fleet/integrated/BASE</c> (argv, through the shared
/// ssh connection like <see cref="RemoteBranchFetcher"/>). Only that branch of ours moves there; nothing is checked out.
/// </summary>
public sealed class RemoteBasePusher(SshSettings settings, GitCli git)
{
    /// <summary>The branch a remote clone holds this machine's <paramref name="baseBranch"/> under.</summary>
    public static string RemoteName(string baseBranch) => $"fleet/integrated/{baseBranch}";

    /// <summary>Pushes; the branch's name on the remote host (<see cref="RemoteName"/>) on success.</summary>
    /// <exception cref="RemoteHostException">git could not push (git's message).</exception>
    public async Task<string> PushAsync(string localRoot, RemoteHostConfig host, string baseBranch, CancellationToken cancellationToken)
    {
        settings.EnsureControlFolder();
        var environment = new Dictionary<string, string?>(git.Options.Environment);
        foreach (var (name, value) in settings.GitEnvironment())
            environment[name] = value;
        var pushing = new GitCli(git.Options with { Environment = environment });
        var remote = RemoteName(baseBranch);
        var result = await pushing.TryRunAsync(localRoot,
            ["push", "--quiet", "--no-verify", $"{host.Ssh}:{host.Path}", $"+refs/heads/{baseBranch}:refs/heads/{remote}"], cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var said = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new RemoteHostException($"could not give host '{host.Name}' ({host.Ssh}:{host.Path}) this machine's {baseBranch}: {string.Join(" ", said.TakeLast(2))}");
        }
        return remote;
    }
}
