namespace FleetTui.Core.Session;

/// <summary>How a command went: a one-line message, and details (one line each) such as what prune did or what rm would lose.</summary>
public sealed record CommandResult(bool Succeeded, string Message, IReadOnlyList<string> Details)
{
    public static CommandResult Ok(string message, IReadOnlyList<string>? details = null) => new(true, message, details ?? []);

    public static CommandResult Failed(string message, IReadOnlyList<string>? details = null) => new(false, message, details ?? []);
}
