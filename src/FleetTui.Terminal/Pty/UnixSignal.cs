namespace FleetTui.Terminal.Pty;

/// <summary>The Linux signal numbers the fleet sends or reports.</summary>
public static class UnixSignal
{
    public const int Hangup = 1;
    public const int Interrupt = 2;
    public const int Quit = 3;
    public const int Kill = 9;
    public const int Pipe = 13;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int WindowChange = 28;

    /// <summary>The conventional name, e.g. "SIGTERM", or "signal N" for one we do not name.</summary>
    public static string Name(int signal) => signal switch
    {
        Hangup => "SIGHUP",
        Interrupt => "SIGINT",
        Quit => "SIGQUIT",
        Kill => "SIGKILL",
        Pipe => "SIGPIPE",
        Terminate => "SIGTERM",
        Continue => "SIGCONT",
        WindowChange => "SIGWINCH",
        6 => "SIGABRT",
        11 => "SIGSEGV",
        _ => $"signal {signal}",
    };
}
