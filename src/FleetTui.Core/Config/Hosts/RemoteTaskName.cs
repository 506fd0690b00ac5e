namespace FleetTui.Core.Config.Hosts;

/// <summary>
/// A task of a remote host as named on this machine: <c>task@host</c> (any task that host has), or the bare name of a task
/// fleet.toml declares with <c>host = "…"</c>. <see cref="Qualified"/> is how merges here label it.
/// </summary>
public sealed record RemoteTaskName(string Host, string Task)
{
    public string Qualified => $"{Task}@{Host}";

    /// <summary>The remote task <paramref name="name"/> names, or null when it names no task of a declared host.</summary>
    public static RemoteTaskName? Find(FleetConfig config, string name)
    {
        var at = name.LastIndexOf('@');
        if (at > 0 && at < name.Length - 1)
            return config.Hosts.ContainsKey(name[(at + 1)..]) ? new RemoteTaskName(name[(at + 1)..], name[..at]) : null;
        return config.FindTask(name)?.Host is { } host ? new RemoteTaskName(host, name) : null;
    }
}
