namespace FleetTui.Core.Git;

/// <summary>How <see cref="GitCli"/> runs git: the executable and extra environment for every child (tests isolate HOME and GIT_CONFIG_GLOBAL here).</summary>
public sealed record GitCliOptions
{
    public static GitCliOptions Default { get; } = new();

    public string Executable { get; init; } = "git";

    /// <summary>Set on every git child process (a null value removes the variable). Never applied process-wide.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
