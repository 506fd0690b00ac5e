namespace FleetTui.Core.Merging;

/// <summary>
/// A trial merge that conflicted: task <see cref="Task"/> with task <see cref="OtherTask"/>,
/// or with the current base when <see cref="OtherTask"/> is null.
/// </summary>
public sealed record PredictedConflict(string Task, string? OtherTask, IReadOnlyList<string> Paths)
{
    public bool WithBase => OtherTask is null;

    public bool Involves(string task) => Task == task || OtherTask == task;

    /// <summary>The other side as seen from <paramref name="task"/>: a task name, or null for the base.</summary>
    public string? OtherThan(string task) => Task == task ? OtherTask : Task;

    public bool Equals(PredictedConflict? other) =>
        other is not null && Task == other.Task && OtherTask == other.OtherTask && Paths.SequenceEqual(other.Paths);

    public override int GetHashCode() => HashCode.Combine(Task, OtherTask, Paths.Count);
}
