namespace FleetTui.Core.Agents;

/// <summary>
/// One timestamped fact about a task's agent, fed to <see cref="AgentStateDetector"/>. Plain data on purpose: the detector
/// knows nothing of PTYs or emulators, so it can be tested on recordings and reused by the CLI and the TUI alike.
/// </summary>
public abstract record AgentObservation(DateTimeOffset At)
{
    /// <summary>
    /// The agent reported its state itself (<c>fleet signal …</c>, usually from an agent hook); <paramref name="Event"/>
    /// names the agent's hook event when the hook said it (PreToolUse, Stop, …).
    /// </summary>
    public sealed record Hook(DateTimeOffset At, HookSignal Signal, string? Message = null, string? Event = null) : AgentObservation(At);

    /// <summary>A terminal-level signal: an OSC 9/777 notification, the bell, or a new OSC 0/2 title (<paramref name="Text"/>).</summary>
    public sealed record Terminal(DateTimeOffset At, TerminalSignalKind Kind, string? Text = null) : AgentObservation(At);

    /// <summary>The last lines of the screen as text (top to bottom) and whether the cursor is shown.</summary>
    public sealed record Screen(DateTimeOffset At, IReadOnlyList<string> Lines, bool CursorVisible) : AgentObservation(At);

    /// <summary>The user typed into the agent's terminal: <paramref name="Kind"/> says whether it answers a dialog.</summary>
    public sealed record Input(DateTimeOffset At, InputKind Kind) : AgentObservation(At);

    /// <summary>The agent wrote <paramref name="Bytes"/> bytes of output.</summary>
    public sealed record Output(DateTimeOffset At, int Bytes) : AgentObservation(At);

    /// <summary>What the process table says: alive (with or without child processes), or exited with a code or a signal.</summary>
    public sealed record Process(DateTimeOffset At, bool Alive, bool HasChildren = false, int? ExitCode = null, int? Signal = null)
        : AgentObservation(At);
}
