using System.CommandLine;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Server;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet explain &lt;task&gt;</c>: why the sidebar says what it says about a task's agent — the state, where it came
/// from (a hook, a terminal signal, a screen rule by name, the title, activity), the evidence and the transitions with
/// their times. Agents run in the fleet host, so this asks it (the cockpit shows the same text on Ctrl+G e).
/// </summary>
public static class ExplainVerb
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("task") { Description = "The task whose agent's state to explain." };
        var command = new Command("explain", "Explain a task's agent state: its source, the evidence, and the transitions with their times.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet explain", cancellationToken) is not { } repository)
                return ExitCodes.NoRepository;
            var paths = HostPaths.For(repository.CommonDir, context.Variable(HostPaths.FolderVariable));
            if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken) is not { } stream)
            {
                context.Error.WriteLine($"fleet explain: no fleet host runs for {repository.Root}, so no agent runs to explain (`fleet` starts them).");
                return ExitCodes.Failed;
            }
            try
            {
                await using var client = await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cli), cancellationToken);
                var task = parse.GetValue(name)!;
                if (client.Snapshot.FindTask(task) is null)
                {
                    context.Error.WriteLine($"fleet explain: no task named '{task}'.");
                    return ExitCodes.Usage;
                }
                var reply = await client.RequestAsync(new HostRequest.Explain(task), cancellationToken: cancellationToken);
                if (reply.Data is not ReplyData.Lines { Items: [var text] })
                {
                    context.Error.WriteLine($"fleet explain: {reply.Message}");
                    return ExitCodes.Failed;
                }
                await context.Out.WriteAsync(text.EndsWith('\n') ? text : text + "\n");
                return ExitCodes.Ok;
            }
            catch (HostRefusedException error)
            {
                context.Error.WriteLine($"fleet explain: {error.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
