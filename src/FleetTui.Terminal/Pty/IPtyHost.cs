namespace FleetTui.Terminal.Pty;

/// <summary>
/// Starts programs on pseudo-terminals. The session and the UI depend on this interface only, so tests can hand
/// them a fake terminal instead of a real child.
/// </summary>
public interface IPtyHost
{
    /// <summary>
    /// Starts <paramref name="options"/>' program on a new pseudo-terminal. Output flows to
    /// <paramref name="onOutput"/> from the moment the child starts, so nothing it prints early is lost.
    /// </summary>
    /// <exception cref="PtySpawnException">The program could not be started (not found, bad working directory, ...).</exception>
    IPtyProcess Spawn(PtySpawnOptions options, PtyOutputHandler onOutput);
}
