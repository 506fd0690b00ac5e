namespace FleetTui.Core.Config;

/// <summary>
/// One <c>[services.&lt;name&gt;]</c>: a dev server (or worker) each task runs in its own worktree, on the task's ports. A service
/// with a <see cref="Repo"/> runs in the task's worktree of that repository, and only for tasks spanning it (the others use that
/// repository's <c>shared_env</c>: the main stack's); one without runs for every task, in its worktree of this repository.
/// </summary>
public sealed record ServiceConfig
{
    /// <summary>Lowercase letters, digits, '_', '-'.</summary>
    public required string Name { get; init; }

    /// <summary>The command as a string, run through <c>sh -c</c> as written (templates become environment references); or null.</summary>
    public string? Shell { get; init; }

    /// <summary>The command as an argv, never through a shell (templates expanded in each element); or null.</summary>
    public IReadOnlyList<string>? Argv { get; init; }

    /// <summary>A <c>[repos.&lt;name&gt;]</c> name, or null for this repository.</summary>
    public string? Repo { get; init; }

    /// <summary>The task port the service listens on (a name from the task's <c>ports</c>): its URL and its TCP readiness check.</summary>
    public string? Port { get; init; }

    public ServiceReadiness Ready { get; init; } = ServiceReadiness.None;

    /// <summary>How long readiness may take before the service counts as not ready (it keeps running).</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public ServiceRestart Restart { get; init; } = ServiceRestart.OnFailure;

    /// <summary>
    /// Starts with its task's agent (and again when a fleet host recovers the task); false: only <c>fleet services start</c>
    /// starts it. A service stopped by hand stays stopped until started by hand, whatever this says.
    /// </summary>
    public bool Autostart { get; init; } = true;

    /// <summary>Extra environment (values: templates).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public SourcePosition Position { get; init; }
}

/// <summary>When a service counts as up: at once, once its port accepts a TCP connection, or once an HTTP URL answers (any status below 500).</summary>
public sealed record ServiceReadiness(ServiceReadinessKind Kind, string? Url = null)
{
    public static ServiceReadiness None { get; } = new(ServiceReadinessKind.None);

    public static ServiceReadiness Tcp { get; } = new(ServiceReadinessKind.Tcp);
}

public enum ServiceReadinessKind { None, Tcp, Http }

/// <summary><c>never</c>: an exit is final. <c>on-failure</c>: a non-zero exit restarts it after a backoff (1 s, 2 s, 4 s … 30 s).</summary>
public enum ServiceRestart { Never, OnFailure }
