namespace FleetTui.Core.Agents;

/// <summary>What the last lines of a screen say, by a preset's <see cref="AgentStateHints"/>.</summary>
public enum ScreenVerdict
{
    /// <summary>Nothing recognised: the screen gives no opinion.</summary>
    None,
    /// <summary>A spinner / "esc to interrupt" line.</summary>
    Working,
    /// <summary>An approval prompt, a numbered choice, a y/n question.</summary>
    Waiting,
    /// <summary>An input box or prompt with no spinner: the agent is idle, ready for the next message.</summary>
    Prompt,
    /// <summary>An API error or rate limit the agent is blocked on (a retry countdown, "credit balance too low").</summary>
    Stuck,
}
