namespace FleetTui.Cli;

/// <summary>Exit codes of every verb (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The operation ran and found a problem (a refused rm, a task in review, a failed gate).</summary>
    public const int Failed = 1;
    /// <summary>Bad command line (unknown verb or option, missing argument).</summary>
    public const int Usage = 2;
    /// <summary>Invalid fleet.toml or user config: file:line:col on stderr, nothing touched.</summary>
    public const int BadConfig = 3;
    /// <summary>Not inside a git repository, or no fleet.toml where one is needed.</summary>
    public const int NoRepository = 4;
}
