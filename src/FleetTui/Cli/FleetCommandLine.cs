using System.CommandLine;

namespace FleetTui.Cli;

/// <summary>
/// The verb table: one line per verb, each verb in its own file under Cli/ exposing <c>static Command Create(CliContext)</c>.
/// </summary>
public static class FleetCommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr, Directory.GetCurrentDirectory());
        var root = new RootCommand("FleetTui: a keyboard-driven cockpit for a fleet of AI coding agents, one git worktree each.");
        foreach (var verb in Verbs(context))
            root.Subcommands.Add(verb);
        UpVerb.AttachToRoot(root, context);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(configuration);
    }

    private static IEnumerable<Command> Verbs(CliContext context)
    {
        // One line per verb; keep alphabetical to make merges trivial.
        yield return DemoVerb.Create(context, UpVerb.OpenDemo(context));
        yield return DemoAgentVerb.Create(context);
        yield return ReplayVerb.Create(context);
        yield return UpVerb.Create(context);
    }
}
