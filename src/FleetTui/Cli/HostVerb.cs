using System.CommandLine;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Runtime;
using FleetTui.Host.Server;
using FleetTui.Terminal.Pty;
using FleetTui.Ui.Config;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet host status [--all]</c>, <c>fleet host stop [--force]</c>, and <c>fleet host serve</c> (what <c>fleet</c>
/// starts in the background: the process that owns the agents).
/// </summary>
public static class HostVerb
{
    public static Command Create(CliContext context)
    {
        // `fleet host --stdio [--repo DIR]`: the spelling of `fleet host stdio` that remote hosts' docs and scripts may use.
        var stdio = new Option<bool>("--stdio") { Description = "The same as `fleet host stdio`." };
        var repo = new Option<string?>("--repo") { Description = "With --stdio: a folder inside the repository (default: the current folder)." };
        var command = new Command("host", "The fleet host: the background process per repository that runs the agents (fleet starts it).") { stdio, repo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(stdio))
            {
                await context.Error.WriteLineAsync("fleet host: name a subcommand (status, stop, serve, stdio) or give --stdio");
                return ExitCodes.Usage;
            }
            return await RunStdioAsync(context, parse.GetValue(repo), cancellationToken);
        });
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Stop(context));
        command.Subcommands.Add(Serve(context));
        command.Subcommands.Add(Stdio(context));
        return command;
    }

    /// <summary>
    /// <c>fleet host stdio [--repo DIR]</c>: the host's protocol on stdin and stdout, for a client at the other end of
    /// <c>ssh -T box fleet host stdio --repo PATH</c>. Starts the repository's host when none runs (agents then live on
    /// that machine and survive the connection), and copies bytes both ways until either side closes.
    /// </summary>
    private static Command Stdio(CliContext context)
    {
        var repo = new Option<string?>("--repo") { Description = "A folder inside the repository (default: the current folder)." };
        var command = new Command("stdio", "Carry the fleet host's protocol over stdin/stdout (what a remote cockpit runs through ssh).") { repo };
        command.SetAction((parse, cancellationToken) => RunStdioAsync(context, parse.GetValue(repo), cancellationToken));
        return command;
    }

    private static async Task<int> RunStdioAsync(CliContext context, string? repo, CancellationToken cancellationToken)
    {
        var stdioContext = context with { WorkingDirectory = Path.GetFullPath(repo ?? context.WorkingDirectory, context.WorkingDirectory) };
        if (await FleetWorkspace.ReadRepositoryAsync(stdioContext, "fleet host stdio", cancellationToken) is not { } repository)
            return ExitCodes.NoRepository;
        await using var host = await Hosting.FleetHostLauncher.ConnectAsync(repository, start: true, context.Error, cancellationToken);
        if (host is null)
            return ExitCodes.Failed;
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        // Whichever direction ends first (the client hung up, or the host closed) ends the bridge.
        var up = input.CopyToAsync(host, cancellationToken);
        var down = host.CopyToAsync(output, cancellationToken);
        await Task.WhenAny(up, down);
        return ExitCodes.Ok;
    }

    private static Command Status(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Every fleet host of this user, not only this repository's." };
        var command = new Command("status", "Whether this repository's fleet host runs: pid, uptime, clients, agents, socket.") { all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(all))
                return await StatusOfAllAsync(context, cancellationToken);
            if (await ConnectAsync(context, cancellationToken) is not { } client)
                return ExitCodes.Failed;
            await using (client)
            {
                var reply = await client.RequestAsync(new HostRequest.Status(), cancellationToken: cancellationToken);
                if (reply.Data is not ReplyData.HostState { Status: var status })
                {
                    await context.Error.WriteLineAsync($"fleet host status: {reply.Message}");
                    return ExitCodes.Failed;
                }
                WriteStatus(context.Out, status);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static async Task<int> StatusOfAllAsync(CliContext context, CancellationToken cancellationToken)
    {
        var folder = HostPaths.DefaultFolder();
        var infos = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Select(HostInfo.Read).OfType<HostInfo>().ToList() : [];
        var shown = 0;
        foreach (var info in infos.OrderBy(i => i.RepoRoot, StringComparer.Ordinal))
        {
            await using var stream = await HostConnector.TryConnectAsync(info.Socket, cancellationToken);
            if (stream is null)
                continue; // a host that died: its info file is stale
            await context.Out.WriteLineAsync($"{info.RepoRoot}: pid {info.Pid}, up {Uptime(info.StartedAt)}, socket {info.Socket}");
            shown++;
        }
        if (shown == 0)
            await context.Out.WriteLineAsync("No fleet host runs.");
        return await StatusOfRemoteHostsAsync(context, cancellationToken);
    }

    /// <summary>Inside a repository whose fleet.toml declares remote hosts: each one's connection state, asked over ssh.</summary>
    private static async Task<int> StatusOfRemoteHostsAsync(CliContext context, CancellationToken cancellationToken)
    {
        FleetConfig config;
        Core.Git.RepositoryFacts repository;
        try
        {
            repository = await Core.Git.RepositoryFacts.ReadAsync(FleetWorkspace.GitFor(context), context.WorkingDirectory, cancellationToken);
            config = FleetWorkspace.LoadConfig(repository.Root);
        }
        catch (ConfigException error)
        {
            await context.Error.WriteLineAsync(error.Message);
            return ExitCodes.BadConfig;
        }
        catch (Exception error) when (error is Core.Git.GitException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ExitCodes.Ok; // outside a repository there are no remote hosts to show
        }
        if (config.Hosts.Count == 0)
            return ExitCodes.Ok;
        await context.Out.WriteLineAsync($"Remote hosts of {repository.Root}:");
        var unreachable = 0;
        foreach (var view in await Remote.RemoteHostViews.ReadAllAsync(context, repository.Root, config, cancellationToken))
        {
            var where = $"{view.Host.Name} ({view.Host.Ssh}:{view.Host.Path})";
            if (view.Error is { } error)
            {
                unreachable++;
                await context.Out.WriteLineAsync($"  {where}: unreachable: {error}");
                continue;
            }
            var agents = view.Status is { } status ? $", fleet host pid {status.Pid}, protocol {status.ProtocolVersion}, " +
                $"{status.Agents.Count(a => a.Running)} agent(s) running of {status.Agents.Count}" : "";
            await context.Out.WriteLineAsync($"  {where}: connected{agents}, {view.Tasks.Count} task(s)");
        }
        return unreachable == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static Command Stop(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Stop the running agents too (SIGHUP, then SIGTERM, then SIGKILL)." };
        var command = new Command("stop", "Stop this repository's fleet host; refused while agents run unless --force.") { force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await ConnectAsync(context, cancellationToken) is not { } client)
                return ExitCodes.Failed;
            await using (client)
            {
                var reply = await client.RequestAsync(new HostRequest.Stop(parse.GetValue(force)), cancellationToken: cancellationToken);
                await (reply.Ok ? context.Out : context.Error).WriteLineAsync(reply.Ok ? reply.Message : $"fleet host stop: {reply.Message}");
                if (!reply.Ok)
                    return ExitCodes.Failed;
                // Done when the host let go of its clients (it stops its agents first).
                await ((Task)client.Closed).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Serve(CliContext context)
    {
        var repo = new Option<string?>("--repo") { Description = "A folder inside the repository (default: the current folder)." };
        var command = new Command("serve", "Run the fleet host in the foreground (fleet starts it detached; for debugging and service managers).") { repo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var serveContext = context with { WorkingDirectory = Path.GetFullPath(parse.GetValue(repo) ?? context.WorkingDirectory, context.WorkingDirectory) };
            if (await FleetWorkspace.ReadRepositoryAsync(serveContext, "fleet host", cancellationToken) is not { } repository)
                return ExitCodes.NoRepository;
            FleetConfig config;
            UserConfig user;
            try
            {
                config = FleetWorkspace.LoadConfig(repository.Root);
                user = UserConfigLoader.Load(UserConfigLoader.DefaultPath());
            }
            catch (ConfigException error)
            {
                await context.Error.WriteLineAsync(error.Message);
                return ExitCodes.BadConfig;
            }
            async Task<FleetRuntime> OpenAsync()
            {
                var runtime = new FleetRuntime(new UnixPtyHost(), Environment.GetEnvironmentVariable("SHELL"), user.Detection)
                {
                    ClaudeHooksFleetArgv = user.ClaudeHooks ? Demo.DemoAgentCommand.Resolve() : null,
                };
                await runtime.OpenAsync(new FleetSessionOptions { RepositoryDirectory = repository.Root, Repository = repository, Config = config },
                    CancellationToken.None);
                return runtime;
            }
            var exit = await HostProcess.RunAsync(HostPaths.For(repository.CommonDir), repository.FleetDir, OpenAsync, context.Error);
            return exit == HostProcess.AlreadyRunning ? ExitCodes.Ok : exit;
        });
        return command;
    }

    /// <summary>A CLI client of this repository's running host, or null after saying there is none.</summary>
    private static async Task<HostClient?> ConnectAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet host", cancellationToken) is not { } repository)
            return null;
        var paths = HostPaths.For(repository.CommonDir);
        if (await HostConnector.TryConnectAsync(paths.Socket, cancellationToken) is not { } stream)
        {
            await context.Out.WriteLineAsync($"No fleet host runs for {repository.Root}.");
            return null;
        }
        try
        {
            return await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, ClientKind.Cli), cancellationToken);
        }
        catch (HostRefusedException error)
        {
            await stream.DisposeAsync();
            await context.Error.WriteLineAsync($"fleet host: {error.Message}");
            return null;
        }
    }

    private static void WriteStatus(TextWriter output, HostStatus status)
    {
        output.WriteLine($"fleet host for {status.RepoRoot}");
        output.WriteLine($"  pid      {status.Pid}");
        output.WriteLine($"  up       {Uptime(status.StartedAt)} (since {status.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss})");
        output.WriteLine($"  socket   {status.SocketPath}");
        output.WriteLine($"  clients  {status.Clients}");
        output.WriteLine($"  protocol {status.ProtocolVersion}");
        output.WriteLine($"  agents   {status.Agents.Count(a => a.Running)} running of {status.Agents.Count}");
        foreach (var agent in status.Agents)
            output.WriteLine($"    {agent.Task,-16} {(agent.Running ? $"pid {agent.Pid}" : "exited"),-12} {agent.State}");
    }

    private static string Uptime(DateTimeOffset since)
    {
        var up = DateTimeOffset.UtcNow - since;
        return up.TotalDays >= 1 ? $"{(int)up.TotalDays}d {up.Hours}h" : up.TotalHours >= 1 ? $"{(int)up.TotalHours}h {up.Minutes}m" : $"{(int)up.TotalMinutes}m {up.Seconds}s";
    }
}
