using System.CommandLine;
using FleetTui.Cli;
using FleetTui.Core.Tests.Support;

namespace FleetTui.Tests.Cli;

/// <summary>Runs one verb the way `fleet` does, in a test repository, capturing stdout, stderr and the exit code.</summary>
public static class VerbRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome RunIn(TempRepo repo, string workingDirectory, params string[] args) =>
        RunIn(repo, workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>With <paramref name="environment"/> as the verbs' environment changes (e.g. a PATH with fake programs), never set process-wide.</summary>
    public static Outcome RunIn(TempRepo repo, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, workingDirectory) { GitEnvironment = repo.Git.Options.Environment, Environment = environment };
        var root = new RootCommand("test");
        foreach (var verb in new[]
                 {
                     DiffVerb.Create(context), DoctorVerb.Create(context), InitVerb.Create(context), NewVerb.Create(context), PruneVerb.Create(context),
                     PsVerb.Create(context), RmVerb.Create(context), MergeVerb.Create(context), GateVerb.Create(context), HostVerb.Create(context),
                 })
            root.Subcommands.Add(verb);
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return new Outcome(exit, stdout.ToString(), stderr.ToString());
    }

    public static Outcome Run(TempRepo repo, params string[] args) => RunIn(repo, repo.Path, args);

    public static Outcome RunWith(TempRepo repo, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunIn(repo, repo.Path, environment, args);
}
