namespace FleetTui.Core.Session;

/// <summary>The last quality-gate run of a task.</summary>
public sealed record GateState(GateOutcome Outcome, int RunNumber = 0, string? LogPath = null, DateTimeOffset? FinishedAt = null)
{
    public static GateState NotRun { get; } = new(GateOutcome.NotRun);
}

public enum GateOutcome { NotRun, Running, Passed, Failed, TimedOut, NoGate }
