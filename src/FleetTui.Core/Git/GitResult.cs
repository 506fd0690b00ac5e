namespace FleetTui.Core.Git;

/// <summary>What one git invocation produced.</summary>
public sealed record GitResult(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
