using FleetTui.Core.Config.Sections;

namespace FleetTui.Core.Config.Validation;

/// <summary>A task's <c>host</c> must name a <c>[hosts.&lt;name&gt;]</c> table.</summary>
public static class TaskHostValidator
{
    public static void Validate(IReadOnlyList<(TaskConfig Task, TableReader Source)> tasks, IReadOnlyDictionary<string, RemoteHostConfig> hosts)
    {
        foreach (var (task, source) in tasks)
        {
            if (task.Host is not { } host || hosts.ContainsKey(host))
                continue;
            var hint = KeySuggestion.Nearest(host, [.. hosts.Keys]) is { } nearest ? $"; did you mean '{nearest}'?"
                : hosts.Count == 0 ? $" (declare it: [hosts.{host}] with ssh = \"user@box\" and path = \"/path/to/clone\")"
                : $" (known: {string.Join(", ", hosts.Keys.Order(StringComparer.Ordinal))})";
            throw source.Error(source.Entry("host")!.Value.Position, $"task '{task.Name}' names unknown host '{host}'{hint}");
        }
    }
}
