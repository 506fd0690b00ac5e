namespace FleetTui.Terminal.Pty;

/// <summary>
/// Receives a chunk of a child's terminal output on the PTY's own output thread (one at a time, in order). The span
/// points into a buffer the host reuses: it is valid only during the call, so copy or parse it before returning. The
/// terminal is read on another thread meanwhile, into a bounded queue: a slow handler slows only its own child (the
/// queue and then the kernel buffer fill, and the child waits); it never blocks the caller of <see cref="IPtyProcess.Write"/>.
/// </summary>
public delegate void PtyOutputHandler(ReadOnlySpan<byte> chunk);
