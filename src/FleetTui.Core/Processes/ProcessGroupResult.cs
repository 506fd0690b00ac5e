namespace FleetTui.Core.Processes;

/// <summary>How a <see cref="ProcessGroupRunner"/> run ended.</summary>
public sealed record ProcessGroupResult(ProcessGroupEnd End, int ExitCode, TimeSpan RunTime, IReadOnlyList<EscapedProcess> Escaped)
{
    /// <summary>Why the command could not start (<see cref="ProcessGroupEnd.CouldNotStart"/>).</summary>
    public string? StartError { get; init; }

    /// <summary>The shell was killed by this signal (its exit code is 128 + the signal), or 0.</summary>
    public int Signal { get; init; }
}

public enum ProcessGroupEnd
{
    /// <summary>The shell exited by itself; <see cref="ProcessGroupResult.ExitCode"/> judges the run.</summary>
    Exited,
    TimedOut,
    /// <summary>Fleet itself was asked to stop.</summary>
    Cancelled,
    CouldNotStart,
}
