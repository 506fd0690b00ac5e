namespace FleetTui.Terminal.Pty;

/// <summary>
/// Receives a chunk of a child's terminal output on the PTY's own I/O thread. The span points into a buffer the
/// host reuses: it is valid only during the call, so copy or parse it before returning. A slow handler slows only
/// its own child (the kernel buffer fills and the child waits); it never blocks the caller of <see cref="IPtyProcess.Write"/>.
/// </summary>
public delegate void PtyOutputHandler(ReadOnlySpan<byte> chunk);
