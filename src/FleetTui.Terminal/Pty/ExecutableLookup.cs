namespace FleetTui.Terminal.Pty;

/// <summary>
/// Finds argv[0] in the PATH the child will have. posix_spawnp would search our own PATH instead, which is wrong when
/// a task sets its own, and it cannot tell "not found" from a bad working directory.
/// </summary>
internal static class ExecutableLookup
{
    /// <returns>The path to execute, or null when no executable of that name is on the PATH.</returns>
    public static string? Find(string command, string? searchPath, string workingDirectory)
    {
        if (command.Contains('/'))
        {
            return command;
        }

        foreach (string entry in (searchPath ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            // An empty PATH entry means the current directory, which for the child is its working directory.
            string directory = Path.GetFullPath(entry.Length == 0 ? "." : entry, workingDirectory);
            string candidate = Path.Combine(directory, command);
            if (File.Exists(candidate) && Libc.access(candidate, Libc.X_OK) == 0)
            {
                return candidate;
            }
        }

        return null;
    }
}
