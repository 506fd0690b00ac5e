using FleetTui.Core.Config.Toml;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads <c>[services.&lt;name&gt;]</c>; the repository named must be declared in <c>[repos]</c>.</summary>
public static class ServiceSectionReader
{
    private static readonly Dictionary<string, ServiceRestart> RestartChoices = new()
    {
        ["never"] = ServiceRestart.Never,
        ["on-failure"] = ServiceRestart.OnFailure,
    };

    public static IReadOnlyList<ServiceConfig> ReadAll(TableReader top, IReadOnlyList<RepoConfig> repos)
    {
        if (top.SubTable("services") is not { } table)
            return [];
        var services = new List<ServiceConfig>();
        foreach (var entry in table.Entries)
        {
            if (entry.Value is not TomlTableNode serviceTable)
                throw top.Error(entry.Value.Position, $"'services.{entry.Key}' must be a table (write [services.{entry.Key}] with command = \"...\"), not {entry.Value.Description}");
            if (RepoName.Problem(entry.Key) is { } problem)
                throw top.Error(entry.KeyPosition, $"invalid service name '{entry.Key}': {problem}");
            services.Add(Read(new TableReader(serviceTable, $"[services.{entry.Key}]", top.DisplayName), entry.Key, repos));
        }

        return services;
    }

    private static ServiceConfig Read(TableReader service, string name, IReadOnlyList<RepoConfig> repos)
    {
        service.RejectUnknownKeys(ConfigSchema.ServiceKeys);
        var command = service.Entry("command")?.Value
            ?? throw service.Error(service.Table.Position, $"[services.{name}] needs 'command' (a shell command line, or an argv array)");
        var shell = command is TomlStringNode ? service.NonEmptyString("command") : null;
        var argv = command is TomlStringNode ? null : service.Argv("command");
        var repo = service.StringNode("repo");
        if (repo is not null && repos.All(r => r.Name != repo.Value))
            throw service.Error(repo.Position, $"'repo' in [services.{name}] names unknown repository '{repo.Value}' (declared: {(repos.Count == 0 ? "none" : string.Join(", ", repos.Select(r => r.Name)))})");
        var port = service.StringNode("port");
        if (port is not null && PortName.Problem(port.Value) is { } portProblem)
            throw service.Error(port.Position, $"invalid port name '{port.Value}' in [services.{name}]: {portProblem}");
        return new ServiceConfig
        {
            Name = name,
            Shell = shell,
            Argv = argv,
            Repo = repo?.Value,
            Port = port?.Value,
            Ready = ReadReadiness(service, name, port?.Value),
            ReadyTimeout = service.Duration("ready_timeout") ?? TimeSpan.FromSeconds(60),
            Restart = service.Choice("restart", RestartChoices) ?? ServiceRestart.OnFailure,
            Autostart = service.Boolean("autostart") ?? true,
            Env = service.EnvTable("env") ?? new Dictionary<string, string>(),
            Position = service.Table.Position,
        };
    }

    /// <summary>Every task running a service with a <c>port</c> declares that port (else the service would have nowhere to listen).</summary>
    public static void CheckPorts(IReadOnlyList<ServiceConfig> services, IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks)
    {
        foreach (var (task, source) in tasks)
        {
            foreach (var service in services.Where(s => s.Port is not null && (s.Repo is null || task.Repos.Contains(s.Repo))))
            {
                if (!task.Ports.Contains(service.Port!))
                {
                    var at = source.Entry("ports")?.Value.Position ?? source.Entry("name")!.Value.Position;
                    throw source.Error(at, $"task '{task.Name}' runs service '{service.Name}', which listens on port '{service.Port}': add \"{service.Port}\" to its 'ports'");
                }
            }
        }
    }

    /// <summary><c>ready = "tcp"</c> (the service's port accepts) or <c>ready = "http://localhost:{port.web}/health"</c>.</summary>
    private static ServiceReadiness ReadReadiness(TableReader service, string name, string? port)
    {
        if (service.StringNode("ready") is not { } node)
            return ServiceReadiness.None;
        if (node.Value == "tcp")
        {
            return port is null
                ? throw service.Error(node.Position, $"ready = \"tcp\" in [services.{name}] needs 'port' (the task port the service listens on)")
                : ServiceReadiness.Tcp;
        }

        if (node.Value.StartsWith("http://", StringComparison.Ordinal) || node.Value.StartsWith("https://", StringComparison.Ordinal))
            return new ServiceReadiness(ServiceReadinessKind.Http, node.Value);
        throw service.Error(node.Position, $"invalid 'ready' in [services.{name}]: '{node.Value}' (write \"tcp\", or an http:// URL, templates allowed)");
    }
}
