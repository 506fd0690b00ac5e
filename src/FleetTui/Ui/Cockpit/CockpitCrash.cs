using System.Globalization;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// What the cockpit does when something it did not expect ends it: the terminal is put back the way a shell wants it,
/// the stack goes to a file only its user can read, and the user is told where, and that the agents still run in the
/// fleet host (<c>fleet attach</c> comes back).
/// </summary>
public static class CockpitCrash
{
    /// <summary>
    /// Leaves the alternate screen; turns off every mouse mode, bracketed paste, focus events, application cursor keys and
    /// the application keypad; shows the cursor and resets colours. Harmless when already so.
    /// </summary>
    public const string TerminalReset =
        "\e[0m\e[?1049l\e[?1000l\e[?1002l\e[?1003l\e[?1005l\e[?1006l\e[?1015l\e[?2004l\e[?1004l\e[?1l\e>\e[?25h";

    /// <summary>Writes the error and its stack to a new 0600 file in <paramref name="folder"/> (made 0700); returns its path.</summary>
    public static string WriteLog(string folder, Exception error, DateTimeOffset now)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var name = $"cockpit-crash-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.log";
        var path = Path.Combine(folder, name);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, options);
        writer.WriteLine($"fleet {typeof(CockpitCrash).Assembly.GetName().Version} cockpit, pid {Environment.ProcessId}, {now:O}");
        writer.WriteLine(error.ToString());
        return path;
    }

    /// <summary>What the user reads on stderr after the terminal was restored.</summary>
    public static string Message(Exception error, string? logPath, string repositoryRoot) =>
        $"fleet: the cockpit stopped on an unexpected error ({error.GetType().Name}: {error.Message.Trim()})\n" +
        (logPath is null ? "" : $"fleet: the stack is in {logPath}\n") +
        $"fleet: the agents keep running in the fleet host; `fleet attach` in {repositoryRoot} comes back";
}
