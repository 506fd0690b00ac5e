using FleetTui.Core.Config;
using FleetTui.Core.Session;

namespace FleetTui.Core.Merging;

/// <summary>
/// Pure: facts in, merge order out. A task comes after everything it depends on; among tasks free to go,
/// the one that became ready first goes first (merged ones lead, never-ready ones trail), ties in file order.
/// </summary>
public static class MergePlanner
{
    /// <param name="tasks">Every task of the fleet, in fleet.toml order.</param>
    /// <param name="conflicts">Trial-merge results from <see cref="ConflictProbe"/> (may be empty).</param>
    public static MergePlan Plan(IReadOnlyList<TaskMergeFacts> tasks, ScopeEnforcement scopeEnforcement, IReadOnlyList<PredictedConflict>? conflicts = null)
    {
        conflicts ??= [];
        var byName = tasks.ToDictionary(t => t.Name);
        var order = Order(tasks, t => Assess(t, byName, scopeEnforcement).CanAttempt);
        var entries = new List<MergePlanEntry>(order.Count);
        // Tasks placed before this one that the run would try to merge: a conflict with one of them will be a conflict with the base by then.
        var attemptedEarlier = new HashSet<string>();
        foreach (var task in order)
        {
            var readiness = Assess(task, byName, scopeEnforcement);
            var notes = new List<string>();
            if (readiness is MergeReadiness.Ready)
                readiness = Predicted(task, conflicts, attemptedEarlier) ?? readiness;
            if (readiness.CanAttempt)
                attemptedEarlier.Add(task.Name);
            if (task.OutOfScope.Count > 0 && readiness is not MergeReadiness.OutOfScope and not MergeReadiness.Merged && scopeEnforcement != ScopeEnforcement.Off)
                notes.Add($"{task.OutOfScope.Count} file(s) outside its scope{(task.ScopeAccepted ? " (accepted)" : "")}: {MergeText.List(task.OutOfScope)}");
            foreach (var conflict in conflicts.Where(c => c.Involves(task.Name) && !c.WithBase))
            {
                var other = conflict.OtherThan(task.Name)!;
                if (readiness is MergeReadiness.ConflictsPredicted p && p.With == other)
                    continue;
                if (byName.TryGetValue(other, out var otherTask) && otherTask.Phase == TaskPhase.Merged)
                    continue;
                notes.Add($"conflicts with {other} in {MergeText.List(conflict.Paths)}");
            }
            entries.Add(new MergePlanEntry(entries.Count + 1, task, readiness, notes));
        }
        return new MergePlan(entries);
    }

    /// <summary>The plan of a session snapshot (its tasks in file order, the fleet's scope enforcement).</summary>
    public static MergePlan PlanFor(SessionSnapshot snapshot, IReadOnlyList<PredictedConflict>? conflicts = null) =>
        Plan(snapshot.Tasks.Select(t => TaskMergeFacts.From(t, snapshot.Tasks)).ToList(), snapshot.Config.Fleet.ScopeEnforcement, conflicts);

    /// <summary>The first blocking reason, in the order a human would fix them.</summary>
    public static MergeReadiness Assess(TaskMergeFacts task, IReadOnlyDictionary<string, TaskMergeFacts> all, ScopeEnforcement scopeEnforcement)
    {
        if (task.Phase == TaskPhase.Merged)
            return new MergeReadiness.Merged();
        if (task.Phase == TaskPhase.Review)
            return new MergeReadiness.InReview(task.ReviewConflicts, task.ReviewNote);
        var waiting = task.DependsOn.Where(d => !all.TryGetValue(d, out var dep) || dep.Phase != TaskPhase.Merged).ToList();
        if (waiting.Count > 0)
            return new MergeReadiness.WaitingOn([.. waiting.Select(d => all.TryGetValue(d, out var dep) ? dep.Label : d)]);
        switch (task.Phase)
        {
            case TaskPhase.Blocked or TaskPhase.Pending:
                return new MergeReadiness.NotStarted("not started (no worktree yet)");
            case TaskPhase.SettingUp:
                return new MergeReadiness.NotStarted("setting up");
            case TaskPhase.SetupFailed:
                return new MergeReadiness.NotStarted("setup failed");
            case TaskPhase.Missing:
                return new MergeReadiness.NotStarted("worktree missing");
        }
        if (!task.AgentFinished && task.Phase != TaskPhase.Done)
            return task.Review is Review.ReviewState.NotSettled ? new MergeReadiness.Working() : new MergeReadiness.AwaitingReview(task.Review);
        if (task.Ahead == 0)
            return new MergeReadiness.NoCommits();
        if (task.Uncommitted > 0)
            return new MergeReadiness.Dirty(task.Uncommitted);
        if (task.GateFailedOnTip)
            return new MergeReadiness.GateFailed(task.Gate);
        if (scopeEnforcement == ScopeEnforcement.Block && task.OutOfScope.Count > 0 && !task.ScopeAccepted)
            return new MergeReadiness.OutOfScope(task.OutOfScope);
        return new MergeReadiness.Ready();
    }

    private static MergeReadiness? Predicted(TaskMergeFacts task, IReadOnlyList<PredictedConflict> conflicts, HashSet<string> attemptedEarlier)
    {
        var withBase = conflicts.FirstOrDefault(c => c.Task == task.Name && c.WithBase);
        if (withBase is not null)
            return new MergeReadiness.ConflictsPredicted(null, withBase.Paths);
        var withEarlier = conflicts.FirstOrDefault(c => !c.WithBase && c.Involves(task.Name) && attemptedEarlier.Contains(c.OtherThan(task.Name)!));
        return withEarlier is null ? null : new MergeReadiness.ConflictsPredicted(withEarlier.OtherThan(task.Name), withEarlier.Paths);
    }

    /// <summary>Kahn's algorithm with a priority: (merged first, then ready tasks by ready time, the rest last), then file order.</summary>
    private static List<TaskMergeFacts> Order(IReadOnlyList<TaskMergeFacts> tasks, Func<TaskMergeFacts, bool> isReady)
    {
        var index = tasks.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var remaining = tasks.ToDictionary(t => t.Name, t => t.DependsOn.Count(index.ContainsKey));
        var dependents = tasks.ToDictionary(t => t.Name, _ => new List<TaskMergeFacts>());
        foreach (var task in tasks)
            foreach (var dependency in task.DependsOn.Where(index.ContainsKey))
                dependents[dependency].Add(task);

        var available = new PriorityQueue<TaskMergeFacts, (int Rank, DateTimeOffset Ready, int Index)>();
        void Offer(TaskMergeFacts t)
        {
            // A ready time only counts for a task that is ready now (a dependent is offered only after its dependencies, so "ready" here ignores them).
            var ready = t.ReadySince is not null && isReady(t with { DependsOn = [] });
            available.Enqueue(t, (t.Phase == TaskPhase.Merged ? 0 : ready ? 1 : 2, ready ? t.ReadySince!.Value : DateTimeOffset.MaxValue, index[t.Name]));
        }
        foreach (var task in tasks.Where(t => remaining[t.Name] == 0))
            Offer(task);

        var order = new List<TaskMergeFacts>(tasks.Count);
        while (available.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var dependent in dependents[next.Name])
                if (--remaining[dependent.Name] == 0)
                    Offer(dependent);
        }
        // A cycle is refused when fleet.toml loads; should one slip through, keep its tasks visible (waiting) rather than dropping them.
        order.AddRange(tasks.Where(t => !order.Contains(t)));
        return order;
    }
}
