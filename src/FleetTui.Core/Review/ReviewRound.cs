namespace FleetTui.Core.Review;

/// <summary>One review of a task: the comments sent to its agent together, or a verdict (approved, rejected), and when.</summary>
public sealed record ReviewRound(DateTimeOffset At, ReviewVerdict Verdict, IReadOnlyList<ReviewComment> Comments, string? Note = null);

public enum ReviewVerdict
{
    /// <summary>Comments sent back to the agent; the task goes on.</summary>
    Changes,
    Approved,
    Rejected,
}
