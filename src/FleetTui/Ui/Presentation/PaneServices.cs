using FleetTui.Core.Config;
using FleetTui.Core.Session;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: what a task's pane can show besides its agent: the services fleet.toml gives the task (<c>[services.&lt;name&gt;]</c>,
/// those of a repository only for tasks spanning it), in the file's order, and which comes after the one shown.
/// </summary>
public static class PaneServices
{
    public static IReadOnlyList<string> Of(FleetConfig config, TaskSnapshot task) =>
        [.. config.ServicesOf([.. task.Repos.Select(r => r.Name)]).Select(s => s.Name)];

    /// <summary>The agent (null) → the first service → … → the last → the agent. A service no longer declared goes back to the agent.</summary>
    public static string? Next(FleetConfig config, TaskSnapshot task, string? shown)
    {
        var services = Of(config, task);
        if (services.Count == 0)
            return null;
        if (shown is null)
            return services[0];
        var at = services.ToList().IndexOf(shown);
        return at < 0 || at == services.Count - 1 ? null : services[at + 1];
    }
}
