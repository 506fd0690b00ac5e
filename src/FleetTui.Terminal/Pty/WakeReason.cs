namespace FleetTui.Terminal.Pty;

/// <summary>Why <see cref="WakeSignal.Wait"/> returned.</summary>
public enum WakeReason
{
    TimedOut,
    Rung,
    Readable,
}
