using FleetTui.Cli.Doctor.Checks;

namespace FleetTui.Cli.Doctor;

/// <summary>The checks <c>fleet doctor</c> runs, in the order it prints them. One line per check; add yours here.</summary>
public static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> Default() =>
    [
        new GitVersionCheck(),
        new FleetConfigCheck(),
        new AgentsCheck(),
        new ClaudeHooksCheck(),
        new TerminalColorsCheck(),
        new LocaleCheck(),
        new BuildCheck(),
        new LogoutSurvivalCheck(),
        new FleetHostCheck(),
    ];
}
