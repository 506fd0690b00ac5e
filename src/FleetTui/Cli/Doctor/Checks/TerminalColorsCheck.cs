using FleetTui.Display;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>The colours the cockpit will draw with in this terminal (<see cref="ColorSupport"/>), and whether NO_COLOR turns them off.</summary>
public sealed class TerminalColorsCheck : IDoctorCheck
{
    private const string Subject = "terminal colours";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var support = ColorSupport.Detect(context.Machine.Variable);
        var noColor = string.IsNullOrEmpty(context.Machine.Variable("NO_COLOR")) ? "" : "; NO_COLOR is set, so the cockpit's own chrome is drawn without colour";
        DoctorFinding finding = support.Depth switch
        {
            ColorDepth.TrueColor => DoctorFinding.Ok(Subject, $"24-bit colour ({support.Evidence}){noColor}"),
            ColorDepth.Colors256 => DoctorFinding.Ok(Subject,
                $"256 colours ({support.Evidence}); if your terminal shows 24-bit colour, export COLORTERM=truecolor (ssh does not pass it on){noColor}"),
            ColorDepth.Colors16 => DoctorFinding.Warn(Subject,
                $"16 colours ({support.Evidence}{(support.IsKnownTerm ? "" : ", a TERM fleet does not know")}): agents' themes and diffs lose their shades{noColor}",
                "export TERM=xterm-256color (and COLORTERM=truecolor) if your terminal supports them; inside tmux: set -g default-terminal tmux-256color"),
            _ => DoctorFinding.Fail(Subject, $"{support.Evidence}: the cockpit cannot draw in this terminal (`fleet ps` and the other verbs still work)",
                "run fleet in a real terminal, or export TERM=xterm-256color"),
        };
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
