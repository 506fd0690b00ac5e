using FleetTui.Display;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>The locale's character set as the cockpit will use it (<see cref="LocaleCharset"/>): UTF-8, or ASCII drawing.</summary>
public sealed class LocaleCheck : IDoctorCheck
{
    private const string Subject = "locale";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var locale = LocaleCharset.Detect(context.Machine.Variable);
        var decidedBy = locale.Variable is null ? "no LC_ALL, LC_CTYPE or LANG: the C locale" : $"{locale.Variable}={locale.Value}";
        // LC_ALL overrides everything else, so a fix that only sets LANG would not take while it is set.
        var fix = locale.Variable == "LC_ALL" ? "export LC_ALL=C.UTF-8 (or unset LC_ALL and export LANG=C.UTF-8)"
            : locale.Variable == "LC_CTYPE" ? "export LC_CTYPE=C.UTF-8"
            : "export LANG=C.UTF-8 (or your language's UTF-8 locale, e.g. en_US.UTF-8)";
        DoctorFinding finding = locale.IsUtf8
            ? DoctorFinding.Ok(Subject, $"UTF-8 ({decidedBy})")
            : DoctorFinding.Warn(Subject, $"not UTF-8 ({decidedBy}): the cockpit draws its frames in ASCII, and agents' Unicode output may not show", fix);
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
