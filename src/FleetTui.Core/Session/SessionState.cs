namespace FleetTui.Core.Session;

/// <summary>The whole of <c>&lt;common-dir&gt;/fleet/state.json</c>.</summary>
public sealed record SessionState
{
    /// <summary>The schema this build reads and writes; a file with a newer one is refused, never rewritten.</summary>
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>Grows by one with every write, so a reader can tell the file changed.</summary>
    public long Generation { get; init; }

    public IReadOnlyList<TaskState> Tasks { get; init; } = [];

    public static SessionState Empty { get; } = new();

    public TaskState? Find(string name) => Tasks.FirstOrDefault(t => t.Name == name);

    /// <summary>Adds or replaces the task with the same name, keeping the order of the others.</summary>
    public SessionState WithTask(TaskState task)
    {
        var tasks = Tasks.ToList();
        var index = tasks.FindIndex(t => t.Name == task.Name);
        if (index < 0)
            tasks.Add(task);
        else
            tasks[index] = task;
        return this with { Tasks = tasks };
    }

    public SessionState WithoutTask(string name) => this with { Tasks = Tasks.Where(t => t.Name != name).ToList() };

    /// <summary>Every port any task of the fleet holds.</summary>
    public IEnumerable<int> AllPorts => Tasks.SelectMany(t => t.Ports.Values);
}
