namespace FleetTui.Cli.Doctor;

/// <summary>Prints the findings, one per line with the fix below it, then a summary; the exit code is 1 when anything failed.</summary>
public static class DoctorReport
{
    private const int MaxSubjectWidth = 18;

    public static int Write(TextWriter writer, IReadOnlyList<DoctorFinding> findings)
    {
        var width = Math.Min(MaxSubjectWidth, findings.Select(f => f.Subject.Length).DefaultIfEmpty(0).Max());
        foreach (var finding in findings)
        {
            writer.WriteLine($"{Label(finding.Status),-4}  {finding.Subject.PadRight(width)}  {finding.Message}");
            if (finding.Fix is { } fix)
                writer.WriteLine($"{"",-4}  {"".PadRight(width)}  fix: {fix}");
        }

        var failures = findings.Count(f => f.Status == DoctorStatus.Fail);
        var warnings = findings.Count(f => f.Status == DoctorStatus.Warn);
        writer.WriteLine();
        writer.WriteLine((failures, warnings) switch
        {
            (0, 0) => "All good.",
            _ => $"{Plural(failures, "failure")}, {Plural(warnings, "warning")}.",
        });
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    public static string Label(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "OK",
        DoctorStatus.Warn => "WARN",
        DoctorStatus.Fail => "FAIL",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
