namespace FleetTui.Demo;

/// <summary>How the demo agent runs: <see cref="Speed"/> divides every scripted duration (10 = ten times faster).</summary>
public sealed record DemoAgentOptions
{
    public double Speed { get; init; } = 1.0;

    /// <summary>Exit 0 once the script is done instead of staying open at an empty prompt like a real agent.</summary>
    public bool ExitWhenDone { get; init; }

    /// <summary>Show the approval prompt, then approve it without a key (for unattended runs of the demo fleet).</summary>
    public bool AutoApprove { get; init; }

    /// <summary>Real time between two frames of the spinner, whatever the speed.</summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
