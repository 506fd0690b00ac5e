namespace FleetTui.Terminal.Pty;

/// <summary>How a child ended: an exit code, or the signal that killed it. Both null when the status was lost (reaped elsewhere).</summary>
public readonly record struct PtyExitStatus(int? ExitCode, int? Signal)
{
    public static PtyExitStatus Unknown => default;

    public bool Succeeded => ExitCode == 0;

    /// <summary>Decodes a status word from waitpid (the WIFEXITED / WTERMSIG macros of glibc).</summary>
    public static PtyExitStatus FromWaitStatus(int status)
    {
        int terminatingSignal = status & 0x7f;
        return terminatingSignal == 0
            ? new PtyExitStatus((status >> 8) & 0xff, null)
            : new PtyExitStatus(null, terminatingSignal);
    }

    public override string ToString() => (ExitCode, Signal) switch
    {
        ({ } code, _) => $"exit code {code}",
        (_, { } signal) => $"killed by {UnixSignal.Name(signal)}",
        _ => "unknown exit status",
    };
}
