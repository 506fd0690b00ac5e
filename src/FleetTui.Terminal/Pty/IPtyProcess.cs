namespace FleetTui.Terminal.Pty;

/// <summary>A program running on a pseudo-terminal. Disposing it hangs up the program's process group and frees every descriptor and thread.</summary>
public interface IPtyProcess : IDisposable
{
    /// <summary>The child's process id; it leads its own session and process group.</summary>
    int ProcessId { get; }

    /// <summary>The slave side's path, e.g. <c>/dev/pts/3</c>.</summary>
    string TerminalName { get; }

    int Columns { get; }

    int Rows { get; }

    /// <summary>Completes when the child itself has exited (reaped with waitpid on its pid only).</summary>
    Task<PtyExitStatus> Exited { get; }

    /// <summary>
    /// Completes when no more output will arrive: every process holding the terminal closed it, or the process was
    /// disposed. Faulted with the exception if the output handler threw (later output is then discarded).
    /// </summary>
    Task OutputCompleted { get; }

    /// <summary>
    /// The terminal's foreground process group, or null once the terminal is closed. A value other than
    /// <see cref="ProcessId"/> means a program started by the child (an editor, a build) is in the foreground.
    /// </summary>
    int? ForegroundProcessGroup { get; }

    /// <summary>
    /// Queues bytes for the child's input and returns at once: whatever the terminal cannot take now is written later
    /// by the I/O thread, so a child that does not read never blocks the caller. Dropped once the terminal is closed.
    /// </summary>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Sets the terminal size; the kernel sends SIGWINCH to the foreground process group.</summary>
    void Resize(int columns, int rows);

    /// <summary>
    /// Whether the user is looking at this terminal (false at first). A background terminal's output is read and parsed at a
    /// lower priority, so that floods in panes nobody watches cannot starve the UI; a foreground one's at normal priority,
    /// so that output the user watches (and the echo of what they type) comes as fast as the machine allows.
    /// </summary>
    bool Foreground { get; set; }

    /// <summary>Sends <paramref name="signal"/> (see <see cref="UnixSignal"/>) to the child's process group; ignored once it has been reaped.</summary>
    void Signal(int signal);
}
