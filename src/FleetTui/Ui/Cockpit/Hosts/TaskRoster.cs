using FleetTui.Core.Session;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>
/// Pure: the one snapshot a cockpit of several hosts shows. Local tasks first, then each remote host's (by host name),
/// so that panes and sidebar groups follow the same order. A task fleet.toml declares on a remote host is listed under
/// that host, never locally: as that host has it once it exists there, else as this machine's session declares it
/// (pending). A remote task whose name is already taken is shown as <c>name@host</c>; <see cref="Routes"/> maps every
/// shown name back to its host and its name there.
/// </summary>
public sealed record TaskRoster(SessionSnapshot Snapshot, IReadOnlyDictionary<string, TaskRoute> Routes, IReadOnlyList<RemoteHostGroup> Groups)
{
    public static TaskRoster Compose(SessionSnapshot local, IReadOnlyList<RemoteHostView> remotes, long version)
    {
        var routes = new Dictionary<string, TaskRoute>(StringComparer.Ordinal);
        var tasks = new List<TaskSnapshot>();
        foreach (var task in local.Tasks.Where(t => local.Config.FindTask(t.Name)?.Host is null))
        {
            routes[task.Name] = new TaskRoute(null, task.Name);
            tasks.Add(task);
        }
        var groups = new List<RemoteHostGroup>();
        foreach (var remote in remotes.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var names = new List<string>();
            foreach (var task in TasksOf(local, remote))
            {
                var shown = routes.ContainsKey(task.Name) ? $"{task.Name}@{remote.Name}" : task.Name;
                routes[shown] = new TaskRoute(remote.Name, task.Name);
                tasks.Add(shown == task.Name ? task : task with { Name = shown });
                names.Add(shown);
            }
            groups.Add(new RemoteHostGroup(remote.Name, remote.Status, names));
        }
        return new TaskRoster(local with { Version = version, Tasks = tasks }, routes, groups);
    }

    /// <summary>
    /// The tasks that exist on the host (its own fleet.toml declares every task, local ones too: a declared task it never
    /// created is not one of its), then those this machine's fleet.toml declares there and the host does not have yet.
    /// A task declared here keeps the dependencies declared here (they order its merge here; its host does not know them).
    /// </summary>
    private static IEnumerable<TaskSnapshot> TasksOf(SessionSnapshot local, RemoteHostView remote)
    {
        var existing = remote.Snapshot?.Tasks.Where(t => !(t.Origin == TaskOrigin.Config && t.Phase is TaskPhase.Pending or TaskPhase.Blocked))
            .Select(t => local.Config.FindTask(t.Name) is { } declared && declared.Host == remote.Name && declared.DependsOn.Except(t.DependsOn).Any()
                ? t with { DependsOn = [.. t.DependsOn.Union(declared.DependsOn)] }
                : t)
            .ToList() ?? [];
        var declared = local.Tasks.Where(t => local.Config.FindTask(t.Name)?.Host == remote.Name && existing.All(e => e.Name != t.Name));
        return existing.Concat(declared);
    }

    public TaskRoute? RouteOf(string task) => Routes.GetValueOrDefault(task);

    /// <summary>The name a task of host <paramref name="host"/> (null: local) called <paramref name="name"/> there has in the cockpit, or null.</summary>
    public string? ShownName(string? host, string name)
    {
        if (host is null)
            return Routes.TryGetValue(name, out var local) && local.Host is null ? name : null;
        if (Routes.TryGetValue(name, out var plain) && plain.Host == host)
            return name;
        var qualified = $"{name}@{host}";
        return Routes.TryGetValue(qualified, out var route) && route.Host == host && route.Name == name ? qualified : null;
    }
}
