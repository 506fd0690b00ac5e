namespace FleetTui.Core.Session;

/// <summary>Where a task's service is: the fleet host runs it and reports each change (runtime only, not persisted).</summary>
public enum ServicePhase
{
    /// <summary>Not running: never started, or stopped on purpose.</summary>
    Stopped,

    /// <summary>Started, waiting for its readiness check.</summary>
    Starting,

    /// <summary>Running, and its readiness check passed (or it has none).</summary>
    Up,

    /// <summary>Running, but its readiness check did not pass within <c>ready_timeout</c>.</summary>
    NotReady,

    /// <summary>Exited with a failure; starts again after a backoff (<c>restart = "on-failure"</c>).</summary>
    Restarting,

    /// <summary>Exited and not restarted (<c>restart = "never"</c>, a clean exit, or it could not start).</summary>
    Exited,
}

/// <summary>One service of one task, as the fleet host last reported it.</summary>
public sealed record ServiceState
{
    public required string Name { get; init; }

    public required ServicePhase Phase { get; init; }

    /// <summary>The task port it listens on, or null.</summary>
    public int? Port { get; init; }

    /// <summary>The <c>[repos.&lt;name&gt;]</c> whose worktree it runs in; null for this repository.</summary>
    public string? Repo { get; init; }

    public int? Pid { get; init; }

    /// <summary>The last exit's code (or 128 + signal), or null while it never exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How many times it was restarted after a failure.</summary>
    public int Restarts { get; init; }

    /// <summary>When it starts again (<see cref="ServicePhase.Restarting"/>).</summary>
    public DateTimeOffset? RestartAt { get; init; }

    /// <summary>One line: why it is not up (could not start, not ready after 60s, …), or null.</summary>
    public string? Message { get; init; }

    /// <summary>Where it answers: <c>http://localhost:&lt;port&gt;</c>, or null without a port.</summary>
    public string? Url => Port is { } port ? $"http://localhost:{port}" : null;

    /// <summary>The sidebar's and <c>fleet ps</c>'s words: "web :41002 up", "worker crashed (exit 1), restarting in 4s".</summary>
    public string Describe(DateTimeOffset now)
    {
        var where = Port is { } port ? $"{Name} :{port}" : Name;
        return Phase switch
        {
            ServicePhase.Stopped => $"{where} stopped",
            ServicePhase.Starting => $"{where} starting",
            ServicePhase.Up => $"{where} up",
            ServicePhase.NotReady => $"{where} not ready{(Message is null ? "" : $" ({Message})")}",
            ServicePhase.Restarting => $"{where} crashed (exit {ExitCode}), restarting in {Math.Max(0, (int)Math.Ceiling(((RestartAt ?? now) - now).TotalSeconds))}s",
            ServicePhase.Exited => $"{where} exited{(ExitCode is { } code ? $" (exit {code})" : "")}{(Message is null ? "" : $": {Message}")}",
            _ => where,
        };
    }
}
