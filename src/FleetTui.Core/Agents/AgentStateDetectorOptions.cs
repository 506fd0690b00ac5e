namespace FleetTui.Core.Agents;

/// <summary>The detector's timings. Defaults suit agents that redraw a spinner several times a second.</summary>
public sealed record AgentStateDetectorOptions
{
    /// <summary>How long a new state must hold before it is reported (hooks and process exit are reported at once).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long newer evidence from a less reliable source must hold before it contradicts the last hook.</summary>
    public TimeSpan HookOverride { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>No output for this long means the output activity says idle (it says working within it).</summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Output that goes on this long from the start is work, not a start-up banner (a program that floods from its
    /// first moment would otherwise stay "starting" for ever).
    /// </summary>
    public TimeSpan StartupBanner { get; init; } = TimeSpan.FromSeconds(2);

    public static AgentStateDetectorOptions Default { get; } = new();
}
