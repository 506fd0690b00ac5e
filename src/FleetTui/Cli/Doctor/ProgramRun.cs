namespace FleetTui.Cli.Doctor;

/// <summary>What running a program for a check gave: its exit code and output, or why it did not finish.</summary>
public sealed record ProgramRun(int? ExitCode, string Output, string Error, bool TimedOut = false, string? StartFailure = null)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first non-blank line of its output (stdout, else stderr), trimmed; empty when it printed nothing.</summary>
    public string FirstLine =>
        (Output + "\n" + Error).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    public static ProgramRun CouldNotStart(string why) => new(null, "", "", StartFailure: why);

    public static ProgramRun Timeout() => new(null, "", "", TimedOut: true);
}
