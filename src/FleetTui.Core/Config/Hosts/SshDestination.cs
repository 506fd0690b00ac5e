namespace FleetTui.Core.Config.Hosts;

/// <summary>
/// An SSH destination is one argv word for ssh and the host part of git's <c>host:path</c>, so it is kept to
/// <c>[user@]host</c>: a leading '-' would read as an option, a ':' or '/' would change what git fetches from.
/// Ports and other settings belong in ~/.ssh/config under an alias.
/// </summary>
public static class SshDestination
{
    public static string? Problem(string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
            return "it is empty";
        if (destination.StartsWith('-'))
            return "it starts with '-' (ssh would read it as an option)";
        if (destination.FirstOrDefault(c => char.IsWhiteSpace(c) || char.IsControl(c)) is var space and not '\0')
            return $"it contains {(space == ' ' ? "a space" : "a control character")}";
        if (destination.Contains(':', StringComparison.Ordinal) || destination.Contains('/', StringComparison.Ordinal))
            return "write [user@]host; a port or other options go in ~/.ssh/config under a Host alias";
        return null;
    }
}
