using System.CommandLine;

namespace FleetTui.Cli;

/// <summary>
/// The verb table: one line per verb, each verb in its own file under Cli/ exposing <c>static Command Create(CliContext)</c>.
/// </summary>
public static class FleetCommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr, Directory.GetCurrentDirectory()) { Input = Console.IsInputRedirected ? null : Console.In };
        var root = new RootCommand("FleetTui: a keyboard-driven cockpit for a fleet of AI coding agents, one git worktree each.");
        foreach (var verb in Verbs(context))
            root.Subcommands.Add(verb);
        UpVerb.AttachToRoot(root, context);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var parsed = root.Parse(args);
        // System.CommandLine exits 1 on a bad command line; our documented code for that is Usage (2), so that scripts
        // can tell "you called me wrong" from "the operation found a problem".
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"fleet: {error.Message}");
            stderr.WriteLine("Run 'fleet --help' (or 'fleet <verb> --help') for usage.");
            return ExitCodes.Usage;
        }
        return parsed.Invoke(configuration);
    }

    private static IEnumerable<Command> Verbs(CliContext context)
    {
        // One line per verb; keep alphabetical to make merges trivial.
        yield return AttachVerb.Create(context);
        yield return DemoVerb.Create(context, UpVerb.OpenDemo(context));
        yield return DemoAgentVerb.Create(context);
        yield return DiffVerb.Create(context);
        yield return DoctorVerb.Create(context);
        yield return ExplainVerb.Create(context);
        yield return GateVerb.Create(context);
        yield return HostVerb.Create(context);
        yield return ImportVerb.Create(context);
        yield return InitVerb.Create(context);
        yield return MergeVerb.Create(context);
        yield return NewVerb.Create(context);
        yield return PruneVerb.Create(context);
        yield return ServicesVerb.Create(context);
        yield return PsVerb.Create(context);
        yield return ReplayVerb.Create(context);
        yield return ReviewVerb.Create(context);
        yield return RmVerb.Create(context);
        yield return SignalVerb.Create(context);
        yield return UpVerb.Create(context);
        yield return AttachVerb.CreateWatch(context);
    }
}
