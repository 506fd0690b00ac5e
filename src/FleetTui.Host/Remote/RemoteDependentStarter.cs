using FleetTui.Core.Git;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;

namespace FleetTui.Host.Remote;

/// <summary>
/// Starts a task fleet.toml declares on a remote host once everything it depends on has merged here, as a local dependent
/// starts: from the integrated base. This machine's base is pushed to that clone (<see cref="RemoteBasePusher"/>, its own
/// branches do not move), the task is made there from it, and we stay until its agent runs there.
/// </summary>
public sealed class RemoteDependentStarter(SshSettings ssh, GitCli git)
{
    private static readonly TimeSpan AgentWait = TimeSpan.FromSeconds(20);

    public async Task<CommandResult> StartAsync(SessionSnapshot local, string task, CancellationToken cancellationToken)
    {
        if (local.Config.FindTask(task) is not { Host: { } hostName } declared)
            return CommandResult.Failed($"fleet.toml declares no task '{task}' on a remote host");
        try
        {
            var host = RemoteHostConnector.Find(local.Config, hostName);
            await using var fleet = new RemoteFleet(await new RemoteHostConnector(ssh, git)
                .ConnectAsync(host, local.RepoRoot, ClientKind.Cli, cancellationToken).ConfigureAwait(false));
            var there = await fleet.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            if (RemoteFleet.Existing(there).Any(t => t.Name == task))
                return CommandResult.Failed($"it already exists on host '{hostName}'");
            var declaration = await RemoteTaskDeclaration.PrepareAsync(
                declared, local.Config, local.RepoRoot, local.BaseBranch, new RemoteBasePusher(ssh, git), cancellationToken).ConfigureAwait(false);
            var made = there.FindTask(task) is { Origin: TaskOrigin.Config }
                ? await fleet.CreateAsync(task, cancellationToken).ConfigureAwait(false)
                : await fleet.NewAsync(declaration, cancellationToken).ConfigureAwait(false);
            if (!made.Succeeded)
                return CommandResult.Failed($"host '{hostName}' could not make it: {made.Message}", made.Details);
            var pid = await fleet.AgentPidAsync(task, AgentWait, cancellationToken).ConfigureAwait(false);
            return CommandResult.Ok($"started on host '{hostName}' from {declaration.Base}{(pid is { } p ? $" (agent pid {p})" : "; its agent did not start within 20 s")}");
        }
        catch (RemoteHostException error)
        {
            return CommandResult.Failed(error.Message);
        }
        catch (Exception error) when (error is Client.HostConnectionLostException or IOException)
        {
            return CommandResult.Failed($"the connection to host '{hostName}' was lost: {error.Message}");
        }
    }
}
