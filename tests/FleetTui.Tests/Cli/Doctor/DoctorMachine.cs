using FleetTui.Cli;
using FleetTui.Cli.Doctor;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;

namespace FleetTui.Tests.Cli.Doctor;

/// <summary>
/// The environment a doctor test runs under: only the fake programs on PATH (so no real agent or git of this machine is
/// found), the test repository's private HOME, a UTF-8 locale and a 256-colour terminal unless a test says otherwise.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class DoctorMachine
{
    public static Dictionary<string, string?> Environment(TempRepo repo, FakePrograms fakes) => new()
    {
        ["PATH"] = fakes.Bin,
        ["HOME"] = repo.HomeDir,
        ["XDG_CONFIG_HOME"] = null,
        ["TERM"] = "xterm-256color",
        ["COLORTERM"] = null,
        ["NO_COLOR"] = null,
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = null,
        ["LC_CTYPE"] = null,
        ["SHELL"] = "/bin/sh",
    };

    /// <summary>The doctor's context in the repository, as <c>fleet doctor</c> reads it.</summary>
    public static Task<DoctorContext> ContextAsync(TempRepo repo, IReadOnlyDictionary<string, string?> environment) =>
        DoctorContext.ReadAsync(new LocalMachine(environment, repo.Path), repo.Git, CancellationToken.None);

    public static (int ExitCode, string Out) Run(TempRepo repo, IReadOnlyDictionary<string, string?> environment, params IDoctorCheck[] checks)
    {
        var stdout = new StringWriter();
        var context = new CliContext(stdout, new StringWriter(), repo.Path) { GitEnvironment = repo.Git.Options.Environment, Environment = environment };
        var exit = DoctorVerb.RunAsync(context, checks).GetAwaiter().GetResult();
        return (exit, stdout.ToString());
    }
}
