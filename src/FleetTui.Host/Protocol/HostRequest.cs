using System.Text.Json.Serialization;
using FleetTui.Core.Session;

namespace FleetTui.Host.Protocol;

/// <summary>
/// Everything a client may ask of the host: the session's commands, the agents' lifecycle, the merge queue, and queries
/// (losses, tickets, logs, pane text and search, the host's status). Each is answered by one reply.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "request")]
[JsonDerivedType(typeof(RestartAgent), "restartAgent")]
[JsonDerivedType(typeof(StopAgent), "stopAgent")]
[JsonDerivedType(typeof(NewTask), "newTask")]
[JsonDerivedType(typeof(Services), "services")]
[JsonDerivedType(typeof(CreateTask), "createTask")]
[JsonDerivedType(typeof(DestroyTask), "destroyTask")]
[JsonDerivedType(typeof(DescribeLoss), "describeLoss")]
[JsonDerivedType(typeof(SetPhase), "setPhase")]
[JsonDerivedType(typeof(MarkDone), "markDone")]
[JsonDerivedType(typeof(AcceptScope), "acceptScope")]
[JsonDerivedType(typeof(Prune), "prune")]
[JsonDerivedType(typeof(RefreshStatus), "refreshStatus")]
[JsonDerivedType(typeof(ReloadConfig), "reloadConfig")]
[JsonDerivedType(typeof(Ticket), "ticket")]
[JsonDerivedType(typeof(ReadLog), "readLog")]
[JsonDerivedType(typeof(PlanMerge), "planMerge")]
[JsonDerivedType(typeof(Merge), "merge")]
[JsonDerivedType(typeof(RunGate), "runGate")]
[JsonDerivedType(typeof(Retry), "retry")]
[JsonDerivedType(typeof(SearchPane), "searchPane")]
[JsonDerivedType(typeof(PaneText), "paneText")]
[JsonDerivedType(typeof(FindLine), "findLine")]
[JsonDerivedType(typeof(PaneLines), "paneLines")]
[JsonDerivedType(typeof(Status), "status")]
[JsonDerivedType(typeof(CurrentSnapshot), "snapshot")]
[JsonDerivedType(typeof(Stop), "stop")]
[JsonDerivedType(typeof(Diff), "diff")]
[JsonDerivedType(typeof(Explain), "explain")]
[JsonDerivedType(typeof(Review), "review")]
public abstract record HostRequest
{
    private protected HostRequest() { }

    /// <summary>False for requests that only read: a read-only client may send those.</summary>
    [JsonIgnore]
    public virtual bool Changes => true;

    public sealed record RestartAgent(string Task, bool Continue) : HostRequest;

    /// <summary>SIGINT, then SIGTERM, then SIGKILL on timeouts; the pane keeps the last screen.</summary>
    public sealed record StopAgent(string Task) : HostRequest;

    public sealed record NewTask(
        string Name, string? Branch = null, string? Base = null, IReadOnlyList<string>? DependsOn = null, string? Agent = null,
        IReadOnlyList<string>? Ports = null, IReadOnlyList<string>? Repos = null, IReadOnlyDictionary<string, string>? RepoBases = null) : HostRequest;

    public sealed record CreateTask(string Name) : HostRequest;

    /// <summary>Start, stop or restart one of a task's services (<paramref name="Service"/>), or all of them (null).</summary>
    /// <param name="Action">"start", "stop" or "restart".</param>
    public sealed record Services(string Task, string? Service, string Action) : HostRequest;

    /// <param name="ConfirmedLoss">What the user was shown would be lost (null: nothing was shown).</param>
    /// <param name="StopRunningAgent">Stop the task's running agent first; without it a running agent refuses the removal.</param>
    public sealed record DestroyTask(string Name, bool Force, Core.Worktrees.WorktreeLoss? ConfirmedLoss = null, bool StopRunningAgent = false) : HostRequest;

    public sealed record DescribeLoss(string Name) : HostRequest
    {
        public override bool Changes => false;
    }

    public sealed record SetPhase(string Name, TaskPhase Phase, string? Note = null) : HostRequest;

    public sealed record MarkDone(string Name) : HostRequest;

    public sealed record AcceptScope(string Name) : HostRequest;

    public sealed record Prune : HostRequest;

    public sealed record RefreshStatus : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>fleet.toml changed (a CLI verb edited it): read it again.</summary>
    public sealed record ReloadConfig : HostRequest;

    public sealed record Ticket(string Name) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>The last lines of a log file the session named (a gate's, a setup's).</summary>
    public sealed record ReadLog(string Path, int MaxLines) : HostRequest
    {
        public override bool Changes => false;
    }

    public sealed record PlanMerge : HostRequest
    {
        public override bool Changes => false;
    }

    /// <param name="Tasks">Null: every ready task.</param>
    /// <param name="Wait">Answer when the merge finished, with its report and each step as progress (the CLI); else at once (the cockpit).</param>
    public sealed record Merge(IReadOnlyList<string>? Tasks, bool Wait) : HostRequest;

    public sealed record RunGate(string Task, bool Wait) : HostRequest;

    /// <summary>Takes a task out of review so the next merge tries it again.</summary>
    public sealed record Retry(string Task) : HostRequest;

    /// <summary>The offset (lines back into history) of the nearest line above <paramref name="FromOffset"/>'s top containing the text.</summary>
    public sealed record SearchPane(string Task, string Text, int FromOffset) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>The text of the pane's rows as shown at this scroll offset (for copying).</summary>
    public sealed record PaneText(string Task, int ScrollOffset) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>
    /// The nearest line containing the text (case-insensitive) older (or, <paramref name="Newer"/>, newer) than line
    /// <paramref name="FromLine"/>, as a line number: 0 is the oldest history line, history + rows - 1 the screen's last row.
    /// </summary>
    public sealed record FindLine(string Task, string Text, int FromLine, bool Newer) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>The text of lines <paramref name="First"/>..<paramref name="Last"/> (numbered as in <see cref="FindLine"/>), wrapped lines joined.</summary>
    public sealed record PaneLines(string Task, int First, int Last) : HostRequest
    {
        public override bool Changes => false;
    }

    public sealed record Status : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>The snapshot as of this request's turn: after everything this client asked before it.</summary>
    public sealed record CurrentSnapshot : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>Why the task's agent is in the state shown: its source, the evidence, the transitions (as text).</summary>
    public sealed record Explain(string Task) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>The task's committed work against its merge base, as git's unified diff text.</summary>
    public sealed record Diff(string Task) : HostRequest
    {
        public override bool Changes => false;
    }

    /// <summary>
    /// A review of a task: comments sent to its agent as one prompt (<see cref="Core.Review.ReviewVerdict.Changes"/>), an
    /// approval (the task is done; with <paramref name="MergeNow"/> it merges at once when ready), or a rejection with a reason.
    /// </summary>
    public sealed record Review(string Task, Core.Review.ReviewVerdict Verdict, IReadOnlyList<Core.Review.ReviewComment> Comments, string? Note = null, bool MergeNow = false)
        : HostRequest;

    /// <summary>Stops the host; refused while agents run unless <paramref name="Force"/> (which stops them first).</summary>
    public sealed record Stop(bool Force) : HostRequest;
}
