namespace FleetTui.Terminal.Pty;

/// <summary>
/// What to start on a pseudo-terminal. <see cref="Arguments"/> is the argv (argv[0] is looked up in the child's PATH
/// when it has no slash); nothing is ever passed through a shell by the host.
/// </summary>
public sealed record PtySpawnOptions
{
    public PtySpawnOptions(IReadOnlyList<string> arguments)
    {
        Arguments = arguments;
    }

    public PtySpawnOptions(params string[] arguments)
        : this((IReadOnlyList<string>)arguments)
    {
    }

    public IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The child's working directory; null keeps ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables set for the child on top of the base environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Start from our own environment (true) or from an empty one (false).</summary>
    public bool InheritEnvironment { get; init; } = true;

    public int Columns { get; init; } = 80;

    public int Rows { get; init; } = 24;

    /// <summary>On dispose, how long the child gets after SIGHUP, and again after SIGTERM, before the next signal.</summary>
    public TimeSpan HangupGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Variables describing the terminal fleet itself runs in, dropped from an inherited environment: the child's
    /// terminal is ours. A stale COLUMNS or LINES overrides the real size in many programs, and TMUX, TERM_PROGRAM and
    /// the like make programs speak to a terminal that is not there (tmux passthrough, iTerm or kitty extensions).
    /// The caller may still set any of them explicitly.
    /// </summary>
    public static IReadOnlyList<string> OuterTerminalVariables { get; } =
    [
        "COLUMNS", "LINES", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TERMINAL_EMULATOR", "TERM_SESSION_ID",
        "TMUX", "TMUX_PANE", "STY", "WINDOW", "KITTY_WINDOW_ID", "KITTY_PID", "KITTY_LISTEN_ON", "WT_SESSION", "WT_PROFILE_ID",
        "VTE_VERSION", "ITERM_SESSION_ID", "ITERM_PROFILE", "KONSOLE_VERSION", "KONSOLE_DBUS_SESSION", "ALACRITTY_WINDOW_ID",
        "ALACRITTY_SOCKET", "WEZTERM_PANE", "WEZTERM_UNIX_SOCKET", "GHOSTTY_RESOURCES_DIR", "GHOSTTY_BIN_DIR",
    ];

    /// <summary>The environment the host gives the child when the caller does not override these.</summary>
    public static IReadOnlyDictionary<string, string> TerminalDefaults { get; } = new Dictionary<string, string>
    {
        ["TERM"] = "xterm-256color",
        ["COLORTERM"] = "truecolor",
    };
}
