namespace FleetTui.Demo;

/// <summary>How a program run by the demo ended: its exit code and its output (stdout, then stderr).</summary>
public sealed record DemoCommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public IReadOnlyList<string> OutputLines =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
