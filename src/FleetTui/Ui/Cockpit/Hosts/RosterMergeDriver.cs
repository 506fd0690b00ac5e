using FleetTui.Core.Session;
using FleetTui.Host.Merging;

namespace FleetTui.Ui.Cockpit.Hosts;

/// <summary>
/// The merge panel's queue in a cockpit over several hosts. Every merge runs in this machine's fleet host, remote tasks too
/// (its <c>RemoteMergePass</c> fetches them over ssh and merges them here after the local ones, by the same queue and rules):
/// the panel's names are sent as <c>task@host</c>, and the host's activity for <c>task@host</c> is shown under the name the
/// panel uses. What acts on a task where it lives (its gate in its worktree, retry, done, accepting its scope, its gate log)
/// goes to the task's own host. Every call returns at once; nothing here waits on ssh or git.
/// </summary>
public sealed class RosterMergeDriver(IMergeDriver local, Func<TaskRoster> roster, Func<string, IMergeDriver?> remoteDriver) : IMergeDriver
{
    public MergeActivity Activity => Shown(local.Activity);

    public event Action? ActivityChanged
    {
        add => local.ActivityChanged += value;
        remove => local.ActivityChanged -= value;
    }

    public Task MergeAsync(IReadOnlyList<string>? tasks) => local.MergeAsync(tasks?.Select(Qualified).ToList());

    public Task RunGateAsync(string task) => Where(task, (driver, name) => driver.RunGateAsync(name), () => Task.CompletedTask);

    public Task<CommandResult> RetryAsync(string task) => Where(task, (driver, name) => driver.RetryAsync(name), () => NotConnected(task));

    public Task<CommandResult> MarkDoneAsync(string task) => Where(task, (driver, name) => driver.MarkDoneAsync(name), () => NotConnected(task));

    public Task<CommandResult> AcceptScopeAsync(string task) => Where(task, (driver, name) => driver.AcceptScopeAsync(name), () => NotConnected(task));

    /// <summary>A gate log lives where its gate ran: a remote task's on its host.</summary>
    public Task<IReadOnlyList<string>> ReadLogAsync(string path, int maxLines)
    {
        var owner = roster().Snapshot.Tasks.FirstOrDefault(t => t.Gate.LogPath == path)?.Name;
        return owner is null
            ? local.ReadLogAsync(path, maxLines)
            : Where(owner, (driver, _) => driver.ReadLogAsync(path, maxLines), () => Task.FromResult<IReadOnlyList<string>>([$"{owner}'s host is not connected"]));
    }

    /// <summary>The name the local host's merge run knows a task by: <c>task@host</c> for a remote one.</summary>
    private string Qualified(string shown) => roster().RouteOf(shown) is { Host: { } host, Name: var name } ? $"{name}@{host}" : shown;

    private MergeActivity Shown(MergeActivity activity)
    {
        if (!activity.Tasks.Keys.Any(k => k.Contains('@', StringComparison.Ordinal)))
            return activity;
        var current = roster();
        var tasks = new Dictionary<string, TaskMergeActivity>(StringComparer.Ordinal);
        foreach (var (key, value) in activity.Tasks)
        {
            var at = key.LastIndexOf('@');
            var shown = at > 0 ? current.ShownName(key[(at + 1)..], key[..at]) ?? key : key;
            tasks[shown] = value;
        }
        return activity with { Tasks = tasks };
    }

    private T Where<T>(string task, Func<IMergeDriver, string, T> call, Func<T> notConnected)
    {
        if (roster().RouteOf(task) is not { Host: { } host, Name: var name })
            return call(local, task);
        return remoteDriver(host) is { } driver ? call(driver, name) : notConnected();
    }

    private Task<CommandResult> NotConnected(string task) =>
        Task.FromResult(CommandResult.Failed($"{task}'s host '{roster().RouteOf(task)?.Host}' is not connected yet"));
}
