using System.Text.RegularExpressions;

namespace FleetTui.Cli.Doctor.Checks;

/// <summary>The git on PATH and its version: fleet predicts conflicts and merges without a checkout with <c>git merge-tree --write-tree</c> (git 2.38).</summary>
public sealed partial class GitVersionCheck(TimeSpan? timeout = null) : IDoctorCheck
{
    public static readonly Version Minimum = new(2, 38);

    private const string Subject = "git";
    private const string Upgrade = "install git 2.38 or later with your package manager (Ubuntu: sudo add-apt-repository ppa:git-core/ppa && sudo apt install git)";

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Machine.FindProgram("git") is not { } git)
            return [DoctorFinding.Fail(Subject, "not found on PATH", Upgrade)];

        var run = await context.Machine.RunAsync(git, ["--version"], timeout ?? TimeSpan.FromSeconds(5), cancellationToken);
        if (!run.Succeeded || VersionPattern().Match(run.Output) is not { Success: true } match)
            return [DoctorFinding.Fail(Subject, $"{git} --version gave no version ({Describe(run)})", Upgrade)];

        var version = new Version(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), match.Groups[3].Success ? int.Parse(match.Groups[3].Value) : 0);
        return version >= Minimum
            ? [DoctorFinding.Ok(Subject, $"git {version} at {git}")]
            : [DoctorFinding.Fail(Subject, $"git {version} at {git} is older than {Minimum}: `git merge-tree --write-tree` (conflict prediction, merges without a checkout) is missing", Upgrade)];
    }

    private static string Describe(ProgramRun run) =>
        run.TimedOut ? "it did not answer in time" : run.StartFailure ?? $"exit code {run.ExitCode}: {run.FirstLine}";

    [GeneratedRegex(@"git version (\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionPattern();
}
