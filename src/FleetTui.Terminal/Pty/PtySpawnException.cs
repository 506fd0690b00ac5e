namespace FleetTui.Terminal.Pty;

/// <summary>A program could not be started on a pseudo-terminal. The message names the command and the system's reason.</summary>
public sealed class PtySpawnException : Exception
{
    public PtySpawnException(string command, int errorNumber, string message)
        : base(message)
    {
        Command = command;
        ErrorNumber = errorNumber;
    }

    /// <summary>The command as the caller gave it (argv[0]).</summary>
    public string Command { get; }

    /// <summary>The errno value behind the failure (e.g. 2 for ENOENT).</summary>
    public int ErrorNumber { get; }
}
