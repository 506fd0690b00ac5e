using System.CommandLine;
using FleetTui.Cli.Doctor;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet doctor</c>: checks this machine and the repository's fleet (git, agents, hooks, terminal, locale, build, logout) and
/// prints one OK/WARN/FAIL line per finding with the fix to run. Reads only. Exit code 0 unless something failed.
/// </summary>
public static class DoctorVerb
{
    public static Command Create(CliContext context, IReadOnlyList<IDoctorCheck>? checks = null)
    {
        var command = new Command("doctor",
            "Check this machine and the current repository's fleet: git (2.38 or later), each agent on PATH and its version, " +
            "Claude Code hooks when enabled, the terminal's colours and locale as the cockpit will use them, which build of fleet " +
            "runs, and whether a background process survives logout (systemd). Prints OK, WARN or FAIL per line with the fix to run; " +
            "exits 1 when anything failed. Changes nothing.");
        command.SetAction((_, cancellationToken) => RunAsync(context, checks ?? DoctorChecks.Default(), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<IDoctorCheck> checks, CancellationToken cancellationToken = default)
    {
        var machine = new LocalMachine(context.Environment, context.WorkingDirectory);
        var doctor = await DoctorContext.ReadAsync(machine, FleetWorkspace.GitFor(context), cancellationToken);
        // The checks are independent (several start programs): run them at once, print them in order.
        var results = await Task.WhenAll(checks.Select(check => RunOneAsync(check, doctor, cancellationToken)));
        return DoctorReport.Write(context.Out, results.SelectMany(r => r).ToList());
    }

    /// <summary>A check that breaks is itself a failure to report, never the end of the others.</summary>
    private static async Task<IReadOnlyList<DoctorFinding>> RunOneAsync(IDoctorCheck check, DoctorContext doctor, CancellationToken cancellationToken)
    {
        try
        {
            return await check.RunAsync(doctor, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return [DoctorFinding.Fail(check.GetType().Name, $"the check itself failed: {error.Message}", "please report this")];
        }
    }
}
