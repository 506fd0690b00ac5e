using FleetTui.Core.Config;
using FleetTui.Core.Git;

namespace FleetTui.Host.Remote;

/// <summary>
/// Brings a remote task's branch here with git over SSH (<c>git fetch DEST:PATH +refs/heads/B:refs/remotes/fleet-HOST/B</c>,
/// as argv, through the same shared ssh connection as the host protocol). The fetched tip lands in a namespace of its own,
/// never on a local branch, so nothing local moves: merge planning and conflict prediction read it from there.
/// </summary>
public sealed class RemoteBranchFetcher(SshSettings settings, GitCli git)
{
    /// <summary>Where host <paramref name="host"/>'s branch <paramref name="branch"/> is kept here, as a branch name libgit2 and git resolve.</summary>
    public static string LocalName(string host, string branch) => $"fleet-{host}/{branch}";

    /// <summary>Fetches; the local ref's name (<see cref="LocalName"/>) on success.</summary>
    /// <exception cref="RemoteHostException">git could not fetch (git's message and the fix).</exception>
    public async Task<string> FetchAsync(string localRoot, RemoteHostConfig host, string branch, CancellationToken cancellationToken)
    {
        settings.EnsureControlFolder();
        var local = LocalName(host.Name, branch);
        var environment = new Dictionary<string, string?>(git.Options.Environment);
        foreach (var (name, value) in settings.GitEnvironment())
            environment[name] = value;
        var fetching = new GitCli(git.Options with { Environment = environment });
        var result = await fetching.TryRunAsync(localRoot,
            ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", $"{host.Ssh}:{host.Path}", $"+refs/heads/{branch}:refs/remotes/{local}"], cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var said = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            throw new RemoteHostException($"could not fetch {branch} from host '{host.Name}' ({host.Ssh}:{host.Path}): {string.Join(" ", said.TakeLast(2))}");
        }
        return local;
    }
}
