namespace FleetTui.Core.Session;

/// <summary>The last quality-gate run of a task.</summary>
public sealed record GateState(GateOutcome Outcome, int RunNumber = 0, string? LogPath = null, DateTimeOffset? FinishedAt = null)
{
    public static GateState NotRun { get; } = new(GateOutcome.NotRun);

    /// <summary>The commit the gate checked (a gate passed on an older tip does not count for a newer one).</summary>
    public string? Commit { get; init; }

    /// <summary>Passed, or nothing to run.</summary>
    public bool Succeeded => Outcome is GateOutcome.Passed or GateOutcome.NoGate;
}

public enum GateOutcome { NotRun, Running, Passed, Failed, TimedOut, NoGate }
