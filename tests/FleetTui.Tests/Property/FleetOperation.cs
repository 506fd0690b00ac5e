using CsCheck;

namespace FleetTui.Tests.Property;

/// <summary>
/// One thing that happens to a fleet in the property test: a verb, an agent's git work, a crash, damage. Records print readably, so a
/// failing (shrunk) sequence reads as the steps to reproduce it.
/// </summary>
public abstract record FleetOperation
{
    private FleetOperation() { }

    /// <summary><c>fleet new &lt;task&gt;</c>.</summary>
    public sealed record New(string Task) : FleetOperation;

    /// <summary>The agent commits in the task's worktree: on its branch, or on a detached HEAD and then back to the branch.</summary>
    public sealed record AgentCommit(string Task, bool Detached) : FleetOperation;

    /// <summary>The agent leaves an ignored file (<c>.env.local</c>) or an uncommitted edit in the worktree.</summary>
    public sealed record LeaveFile(string Task, bool Ignored) : FleetOperation;

    /// <summary>The agent is done (what a hook or the cockpit records): the task may merge.</summary>
    public sealed record MarkDone(string Task) : FleetOperation;

    /// <summary><c>fleet merge &lt;task&gt; --yes</c> (gate on the task, then on the merge result, cleanup on merge).</summary>
    public sealed record Merge(string Task) : FleetOperation;

    /// <summary><c>fleet rm &lt;task&gt; [--force]</c>.</summary>
    public sealed record Remove(string Task, bool Force) : FleetOperation;

    /// <summary>The cockpit's destroy dialog: look at the loss, maybe the agent commits meanwhile, then destroy what was confirmed.</summary>
    public sealed record ConfirmedDestroy(string Task, bool AgentCommitsAfterTheLook) : FleetOperation;

    /// <summary><c>fleet prune</c>.</summary>
    public sealed record Prune : FleetOperation;

    /// <summary>The user deletes a worktree folder by hand (<c>rm -rf</c>).</summary>
    public sealed record DeleteByHand(string Task) : FleetOperation;

    /// <summary>Several <c>fleet new</c> processes at once (the same task twice is allowed: one must lose cleanly).</summary>
    public sealed record Parallel(string[] Tasks) : FleetOperation
    {
        public override string ToString() => $"Parallel {{ Tasks = [{string.Join(", ", Tasks)}] }}";
    }

    /// <summary>A real fleet process killed with SIGKILL <paramref name="AfterMilliseconds"/> after it started (if still running).</summary>
    public sealed record Kill(string[] Arguments, int AfterMilliseconds) : FleetOperation
    {
        public override string ToString() => $"Kill {{ fleet {string.Join(' ', Arguments)} after {AfterMilliseconds} ms }}";
    }

    /// <summary>state.json damaged in a way that still parses; fleet must refuse it untouched, then the user restores the backup.</summary>
    public sealed record DamageState(string Json) : FleetOperation;

    public static readonly string[] TaskNames = ["a", "b", "c"];

    private static readonly string[] Damages =
    [
        "null",
        """{"schema": 1, "tasks": null}""",
        """{"schema": 1, "tasks": [null]}""",
        """{"schema": 1, "tasks": [{"name": null, "branch": "fleet/a", "base": "main", "phase": "active", "worktree": "/tmp/x"}]}""",
        """{"schema": 1, "tasks": [{"name": "a", "branch": "fleet/a", "base": "main", "phase": "active", "worktree": null}]}""",
    ];

    /// <summary>
    /// A sequence on one, two or three tasks: each created first (so that what follows has worktrees to work in), then two to seven
    /// operations on them. Few tasks per sequence make it likely that one task sees a commit, then a merge or a removal.
    /// </summary>
    public static Gen<FleetOperation[]> Sequence() =>
        Gen.Int[1, TaskNames.Length].SelectMany(count =>
        {
            var pool = TaskNames[..count];
            return Any(pool).Array[2, 7].Select(operations => (FleetOperation[])[.. pool.Select(t => new New(t)), .. operations]);
        });

    /// <summary>Operations on <paramref name="pool"/>, weighted towards what a fleet does most (agents committing, verbs), with crashes and damage mixed in.</summary>
    public static Gen<FleetOperation> Any(string[] pool)
    {
        var task = Gen.OneOf(pool);
        return Gen.Frequency(
            (4, task.Select(t => (FleetOperation)new New(t))),
            (5, Gen.Select(task, Gen.Bool, (t, d) => (FleetOperation)new AgentCommit(t, d))),
            (2, Gen.Select(task, Gen.Bool, (t, i) => (FleetOperation)new LeaveFile(t, i))),
            (3, task.Select(t => (FleetOperation)new MarkDone(t))),
            (3, task.Select(t => (FleetOperation)new Merge(t))),
            (3, Gen.Select(task, Gen.Bool, (t, f) => (FleetOperation)new Remove(t, f))),
            (2, Gen.Select(task, Gen.Bool, (t, c) => (FleetOperation)new ConfirmedDestroy(t, c))),
            (1, Gen.Const((FleetOperation)new Prune())),
            (1, task.Select(t => (FleetOperation)new DeleteByHand(t))),
            (1, task.Array[2, 3].Select(ts => (FleetOperation)new Parallel(ts))),
            (2, Gen.Select(KilledCommand(task), Gen.Int[0, 1500], (args, ms) => (FleetOperation)new Kill(args, ms))),
            (1, Gen.OneOf(Damages).Select(json => (FleetOperation)new DamageState(json))));
    }

    private static Gen<string[]> KilledCommand(Gen<string> task) => Gen.OneOf(
        task.Select(t => new[] { "new", t }),
        task.Select(t => new[] { "merge", t, "--yes" }),
        task.Select(t => new[] { "rm", t, "--force" }));
}
