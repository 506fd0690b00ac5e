namespace FleetTui.Cli.Doctor;

/// <summary>How one line of <c>fleet doctor</c> reads: fine, worth fixing, or fleet cannot work as configured (exit code 1).</summary>
public enum DoctorStatus
{
    Ok,
    Warn,
    Fail,
}
