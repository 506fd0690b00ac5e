namespace FleetTui.Core.Processes;

/// <summary>A user's command to run through <c>sh -c</c> in a process group of its own (<see cref="ProcessGroupRunner"/>).</summary>
public sealed record ProcessGroupRequest
{
    /// <summary>The command as the user wrote it (templates already turned into environment references).</summary>
    public required string Command { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>On top of fleet's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public required TimeSpan Timeout { get; init; }

    /// <summary>stdout and stderr are appended here, interleaved as they come (created 0600 if missing).</summary>
    public required string LogPath { get; init; }
}
