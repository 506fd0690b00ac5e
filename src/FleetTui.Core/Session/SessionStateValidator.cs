using System.Text.Json;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Session;

/// <summary>
/// What a state.json must satisfy before fleet believes it: valid JSON can still say <c>"tasks": null</c>, <c>"name": null</c> or be
/// just <c>null</c>. A file that fails is reported as corrupt and left untouched, exactly like a syntax error. Fleet never writes a
/// null (it omits them), so an explicit null anywhere is corruption; a field an older fleet did not write yet is simply absent and
/// takes its default (<see cref="WithDefaults"/>).
/// </summary>
public static class SessionStateValidator
{
    /// <summary>Why the parsed document cannot be a state, or null when its shape is right (checked before deserializing).</summary>
    public static string? ShapeProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return $"the file holds {Describe(root.ValueKind)}, not a state";
        if (!root.TryGetProperty("tasks", out var tasks))
            return "\"tasks\" is missing";
        if (tasks.ValueKind != JsonValueKind.Array)
            return $"\"tasks\" is {Describe(tasks.ValueKind)}, not an array";
        var index = 0;
        foreach (var task in tasks.EnumerateArray())
        {
            index++;
            if (task.ValueKind != JsonValueKind.Object)
                return $"task #{index} is {Describe(task.ValueKind)}, not a task";
            foreach (var property in task.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null || ContainsNull(property.Value))
                    return $"task #{index}: \"{property.Name}\" is or holds null";
            }
        }

        return null;
    }

    /// <summary>Collections an older state.json may lack, as empty ones.</summary>
    public static SessionState WithDefaults(SessionState state) => state with
    {
        Tasks = [.. state.Tasks.Select(task => task with
        {
            DependsOn = task.DependsOn ?? [],
            PortNames = task.PortNames ?? [],
            Ports = task.Ports ?? new Dictionary<string, int>(),
            RepoWorktrees = task.RepoWorktrees ?? new Dictionary<string, string>(),
            RepoBases = task.RepoBases ?? new Dictionary<string, string>(),
            RepoNames = task.RepoNames ?? [],
            ReviewConflicts = task.ReviewConflicts ?? [],
            Gate = task.Gate ?? GateState.NotRun,
        })],
    };

    /// <summary>Why the state's values cannot be used, or null when they can.</summary>
    public static string? Problem(SessionState state)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < state.Tasks.Count; i++)
        {
            var task = state.Tasks[i];
            if (TaskProblem(task) is { } problem)
                return $"task #{i + 1}{(task.Name is null ? "" : $" ('{task.Name}')")}: {problem}";
            if (!names.Add(task.Name))
                return $"task '{task.Name}' appears twice";
        }

        return null;
    }

    private static string? TaskProblem(TaskState task)
    {
        if (task.Name is null || TaskName.Problem(task.Name) is not null)
            return "\"name\" is missing or not a valid task name";
        if (string.IsNullOrEmpty(task.Branch) || GitRefName.Problem(task.Branch) is not null)
            return "\"branch\" is missing or not a valid branch name";
        if (string.IsNullOrEmpty(task.Base))
            return "\"base\" is missing";
        if (string.IsNullOrEmpty(task.Worktree) || !Path.IsPathFullyQualified(task.Worktree))
            return "\"worktree\" is missing or not an absolute path";
        if (!Enum.IsDefined(task.Phase))
            return $"\"phase\" {(int)task.Phase} is not a phase";
        if (!Enum.IsDefined(task.Origin))
            return $"\"origin\" {(int)task.Origin} is not an origin";
        if (task.Ports.Values.Any(p => p is < 1 or > 65535))
            return "\"ports\" holds a number outside 1..65535";
        if (!Enum.IsDefined(task.Gate.Outcome))
            return "\"gate\" has an unknown outcome";
        return null;
    }

    private static bool ContainsNull(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(item => item.ValueKind == JsonValueKind.Null),
        JsonValueKind.Object when value.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null) => true,
        _ => false,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
