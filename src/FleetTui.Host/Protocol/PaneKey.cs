namespace FleetTui.Host.Protocol;

/// <summary>
/// How a pane is named between the cockpit and the host: a task's agent by the task's name (<c>feat-01</c>), one of its services
/// by the task's and the service's (<c>feat-01/web</c>). Task names never hold '/', so the two never meet, and every message that
/// names a pane (views, keys, paste, mouse, focus, scroll-back queries, screen updates) works for both without a new field.
/// </summary>
public static class PaneKey
{
    public const char ServiceSeparator = '/';

    public static string ForService(string task, string service) => task + ServiceSeparator + service;

    /// <summary>True when <paramref name="key"/> names a service's pane; then its task and service.</summary>
    public static bool IsService(string key, out string task, out string service)
    {
        var at = key.IndexOf(ServiceSeparator, StringComparison.Ordinal);
        if (at <= 0 || at == key.Length - 1)
        {
            (task, service) = (key, "");
            return false;
        }
        (task, service) = (key[..at], key[(at + 1)..]);
        return true;
    }

    /// <summary>The task a pane belongs to (its own name for an agent's pane).</summary>
    public static string TaskOf(string key) => IsService(key, out var task, out _) ? task : key;
}
