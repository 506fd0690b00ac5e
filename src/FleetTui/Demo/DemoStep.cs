namespace FleetTui.Demo;

/// <summary>One step of a scripted demo agent. Durations are at speed 1; <c>--speed</c> divides them.</summary>
public abstract record DemoStep
{
    private DemoStep() { }

    /// <summary>The agent works silently for a while: the spinner shows <paramref name="Verb"/> and the token count grows.</summary>
    public sealed record Think(string Verb, double Seconds, int Tokens) : DemoStep;

    /// <summary>An assistant message.</summary>
    public sealed record Say(string Text) : DemoStep;

    /// <summary>Reads a file (really) and reports its length.</summary>
    public sealed record Read(string Path) : DemoStep;

    /// <summary>Replaces the one occurrence of <paramref name="OldText"/> with <paramref name="NewText"/>; asks first when <paramref name="Ask"/>.</summary>
    public sealed record Edit(string Path, string OldText, string NewText, bool Ask = false) : DemoStep;

    /// <summary>Creates (or overwrites) a file.</summary>
    public sealed record Write(string Path, string Content) : DemoStep;

    /// <summary>Runs a program (argv, never through a shell) in the working directory and shows the end of its output.</summary>
    public sealed record Run(IReadOnlyList<string> Argv) : DemoStep;

    /// <summary>Stages the files this script changed since the last commit and commits them.</summary>
    public sealed record Commit(string Message) : DemoStep;
}
