using FleetTui.Core.Config;

namespace FleetTui.Core.Merging;

/// <summary>The fleet-wide knobs of a merge run (from <c>[fleet]</c>).</summary>
public sealed record MergeRunSettings
{
    public required string BaseBranch { get; init; }

    public bool FastForward { get; init; }

    public bool GateAfterMerge { get; init; }

    public CleanupPolicy Cleanup { get; init; } = CleanupPolicy.OnMerge;

    public ScopeEnforcement ScopeEnforcement { get; init; } = ScopeEnforcement.Warn;

    public static MergeRunSettings From(FleetSettings fleet, string baseBranch) => new()
    {
        BaseBranch = baseBranch,
        FastForward = fleet.FastForward,
        GateAfterMerge = fleet.GateAfterMerge,
        Cleanup = fleet.Cleanup,
        ScopeEnforcement = fleet.ScopeEnforcement,
    };
}
