namespace FleetTui.Cli.Doctor;

/// <summary>One line of <c>fleet doctor</c>: what was checked, what was found and, unless it is fine, the fix to run.</summary>
public sealed record DoctorFinding(DoctorStatus Status, string Subject, string Message, string? Fix = null)
{
    public static DoctorFinding Ok(string subject, string message) => new(DoctorStatus.Ok, subject, message);

    public static DoctorFinding Warn(string subject, string message, string fix) => new(DoctorStatus.Warn, subject, message, fix);

    public static DoctorFinding Fail(string subject, string message, string fix) => new(DoctorStatus.Fail, subject, message, fix);
}
