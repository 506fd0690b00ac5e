using System.Text.Json.Serialization;
using FleetTui.Host.Agents;

namespace FleetTui.Host.Protocol;

/// <summary>What a reply carries beyond its message, for the requests that read something.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "data")]
[JsonDerivedType(typeof(Lines), "lines")]
[JsonDerivedType(typeof(Offset), "offset")]
[JsonDerivedType(typeof(TicketText), "ticket")]
[JsonDerivedType(typeof(Plan), "plan")]
[JsonDerivedType(typeof(Report), "report")]
[JsonDerivedType(typeof(HostState), "host")]
[JsonDerivedType(typeof(State), "state")]
[JsonDerivedType(typeof(DiffText), "diff")]
[JsonDerivedType(typeof(Loss), "loss")]
public abstract record ReplyData
{
    private protected ReplyData() { }

    public sealed record Lines(IReadOnlyList<string> Items) : ReplyData;

    /// <summary>A scroll offset, or null for "not found".</summary>
    public sealed record Offset(int? Value) : ReplyData;

    public sealed record TicketText(TaskTicket? Ticket) : ReplyData;

    public sealed record Plan(MergePlanView View) : ReplyData;

    public sealed record Report(MergeReportView View) : ReplyData;

    public sealed record HostState(HostStatus Status) : ReplyData;

    public sealed record State(SnapshotBody Body) : ReplyData;

    public sealed record DiffText(Core.Review.TaskDiffText Diff) : ReplyData;

    public sealed record Loss(Core.Worktrees.WorktreeLoss What) : ReplyData;
}
