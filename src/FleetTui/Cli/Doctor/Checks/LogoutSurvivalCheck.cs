namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// On a systemd machine, whether a background process (the fleet host and its agents) survives the user logging out:
/// logind kills a user's processes at logout when <c>KillUserProcesses=yes</c>, unless they run in their own scope of a user
/// manager kept alive by lingering (<c>loginctl enable-linger</c>).
/// </summary>
/// <param name="root">The file system root holding /run/systemd and /etc/systemd ("/"; tests use a folder of their own).</param>
public sealed class LogoutSurvivalCheck(string root = "/", TimeSpan? timeout = null) : IDoctorCheck
{
    private const string Subject = "logout";

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var machine = context.Machine;
        // sd_booted(): systemd is the init system exactly when this folder exists.
        if (!machine.DirectoryExists(Path.Combine(root, "run/systemd/system")))
            return [DoctorFinding.Ok(Subject, "systemd is not running here (no /run/systemd/system), so no logind policy ends processes at logout")];

        var user = machine.Variable("USER") is { Length: > 0 } u ? u : Environment.UserName;
        var linger = await LingerAsync(machine, user, cancellationToken);
        var settings = LogindSettings.Read(machine, root);
        var lingerText = linger ? "linger on" : "linger off";
        var enableLinger = $"loginctl enable-linger {user}";
        return settings.KillUserProcesses switch
        {
            false => [DoctorFinding.Ok(Subject, $"KillUserProcesses=no ({settings.Source}), {lingerText}: background processes survive logout")],
            true when linger => [DoctorFinding.Ok(Subject,
                $"KillUserProcesses=yes ({settings.Source}), linger on: the fleet host, started in a scope of its own (systemd-run --user --scope), survives logout")],
            true => [DoctorFinding.Warn(Subject,
                $"KillUserProcesses=yes ({settings.Source}) and linger off: logging out ends every process you started, the fleet host and its agents included",
                $"{enableLinger} (or, as root, set KillUserProcesses=no in /etc/systemd/logind.conf)")],
            null when linger => [DoctorFinding.Ok(Subject, "KillUserProcesses is not set (systemd's built-in default applies), linger on")],
            null => [DoctorFinding.Warn(Subject,
                "KillUserProcesses is not set, so systemd's built-in default decides (upstream: yes; most distributions: no) and linger is off",
                $"{enableLinger}, so a background process survives logout whatever the default")],
        };
    }

    /// <summary>Linger as loginctl reports it; else whether logind's linger file for the user exists.</summary>
    private async Task<bool> LingerAsync(IMachine machine, string user, CancellationToken cancellationToken)
    {
        if (machine.FindProgram("loginctl") is { } loginctl)
        {
            var run = await machine.RunAsync(loginctl, ["show-user", user, "--property=Linger"], timeout ?? TimeSpan.FromSeconds(5), cancellationToken);
            var line = run.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Linger=", StringComparison.Ordinal));
            if (run.Succeeded && line is not null)
                return line == "Linger=yes";
        }

        return machine.FileExists(Path.Combine(root, "var/lib/systemd/linger", user));
    }
}
