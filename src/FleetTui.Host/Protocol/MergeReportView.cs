using FleetTui.Core.Merging;

namespace FleetTui.Host.Protocol;

/// <summary>What a merge run did (its steps were sent as progress while it ran).</summary>
public sealed record MergeReportView(
    IReadOnlyList<string> Merged, IReadOnlyList<string> SentToReview, IReadOnlyList<string> GateFailed, string? Stopped, bool Succeeded)
{
    public static MergeReportView Of(MergeRunReport report) =>
        new(report.Merged, report.SentToReview, report.GateFailed, report.Stopped?.Message, report.Succeeded);
}
