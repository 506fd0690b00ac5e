using System.Diagnostics;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Demo;

namespace FleetTui.Tests.Cli;

/// <summary>
/// Runs the real <c>fleet</c> executable as a child process in a test repository (with the repository's isolated git environment):
/// for what only separate processes show, such as several fleets at once or a kill -9. <see cref="AsOrdinaryUser"/> drops root
/// (file modes do not stop root), running as <c>nobody</c> through <c>setpriv</c> on a repository handed to that user.
/// </summary>
public static class FleetProcess
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    private const int Nobody = 65534;

    public static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>Hands the repository's folders to <c>nobody</c> when the tests run as root (see <see cref="Start"/>'s asOrdinaryUser).</summary>
    public static async Task AsOrdinaryUser(TempRepo repo)
    {
        if (!RunsAsRoot)
            return;
        using var chown = Process.Start("chown", ["-R", $"{Nobody}:{Nobody}", repo.RootDir])!;
        await chown.WaitForExitAsync();
    }

    public static Process Start(TempRepo repo, IReadOnlyList<string> args, bool asOrdinaryUser = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        IEnumerable<string> argv = [.. Executable(), .. args];
        if (asOrdinaryUser && RunsAsRoot)
            argv = ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", .. argv];
        var list = argv.ToList();
        var start = new ProcessStartInfo(list[0], list.Skip(1))
        {
            WorkingDirectory = repo.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in repo.Git.Options.Environment)
            start.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>The fleet under test: the build next to the tests, or <c>FLEET_TEST_EXECUTABLE</c> (a native build, an older fleet).</summary>
    private static IReadOnlyList<string> Executable() =>
        Environment.GetEnvironmentVariable("FLEET_TEST_EXECUTABLE") is { Length: > 0 } path ? [path] : FleetExecutable.Argv();

    public static async Task<Outcome> RunAsync(TempRepo repo, IReadOnlyList<string> args, bool asOrdinaryUser = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(repo, args, asOrdinaryUser, environment);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }

    public static Task<Outcome> RunAsync(TempRepo repo, params string[] args) => RunAsync(repo, args, asOrdinaryUser: false);
}
