namespace FleetTui.Core.Agents;

/// <summary>Finds the program an argv names, as <c>execvp</c> would: a name with a '/' is a path, anything else is looked up on PATH.</summary>
public static class CommandLocator
{
    /// <summary>The absolute path of an executable regular file, or null.</summary>
    public static string? Resolve(string command, string? pathVariable, string workingDirectory)
    {
        if (command.Length == 0)
            return null;
        if (command.Contains('/'))
        {
            var path = Path.GetFullPath(command, workingDirectory);
            return IsExecutable(path) ? path : null;
        }

        foreach (var directory in (pathVariable ?? "").Split(':'))
        {
            // An empty PATH entry means the current directory (POSIX).
            var candidate = Path.Combine(directory.Length == 0 ? workingDirectory : Path.GetFullPath(directory, workingDirectory), command);
            if (IsExecutable(candidate))
                return candidate;
        }

        return null;
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
