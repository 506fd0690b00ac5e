using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Server;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// The repository's fleet host: whether one runs (and answers in this fleet's protocol), and whether its folder, socket
/// and log are private to the user, as they must be (anyone who can reach the socket can type into the agents).
/// </summary>
public sealed class FleetHostCheck : IDoctorCheck
{
    private const string Subject = "fleet host";

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Repository is not { } repository)
            return [];
        var paths = HostPaths.For(repository.CommonDir, context.Machine.Variable(HostPaths.FolderVariable));
        var findings = new List<DoctorFinding>();
        if (Directory.Exists(paths.Folder) && !OperatingSystem.IsWindows())
        {
            foreach (var path in new[] { paths.Folder, paths.Socket, paths.Log }.Where(Path.Exists))
            {
                if (((int)File.GetUnixFileMode(path) & 0b000_111_111) != 0)
                    findings.Add(DoctorFinding.Fail(Subject, $"{path} is open to other users ({Convert.ToString((int)File.GetUnixFileMode(path), 8)})", $"chmod go-rwx {path}"));
            }
        }
        await using var stream = await HostConnector.TryConnectAsync(paths.Socket, cancellationToken);
        if (stream is null)
        {
            findings.Add(DoctorFinding.Ok(Subject, $"none runs for {repository.Root} (`fleet` starts one; its socket would be {paths.Socket})"));
            return findings;
        }
        try
        {
            await using var client = await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cli), cancellationToken);
            var reply = await client.RequestAsync(new HostRequest.Status(), cancellationToken: cancellationToken);
            findings.Add(reply.Data is ReplyData.HostState { Status: var status }
                ? DoctorFinding.Ok(Subject, $"runs (pid {status.Pid}, {status.Clients} client(s), {status.Agents.Count(a => a.Running)} agent(s) running) on {paths.Socket}")
                : DoctorFinding.Warn(Subject, $"answers but would not say how it is: {reply.Message}", "fleet host status"));
        }
        catch (HostRefusedException refused)
        {
            findings.Add(DoctorFinding.Fail(Subject, refused.Message, "fleet host stop --force (with the fleet that started it), then fleet"));
        }
        return findings;
    }
}
