using FleetTui.Terminal.Pty;
using Terminal.Gui.Drivers;

namespace FleetTui.Ui.MainLoop;

/// <summary>
/// Terminal.Gui's ANSI input, except that its thread sleeps in <c>poll(2)</c> on stdin between keys. The stock input checks
/// stdin and then sleeps 20 ms through <c>Task.Delay(…).Wait()</c>: fifty wake-ups a second, each a timer callback and a
/// thread-pool hop, which was most of the cockpit's idle CPU (scripts/bench-tui-idle.sh). A key is also read the moment it
/// arrives instead of up to 20 ms later.
/// </summary>
internal sealed class QuietAnsiInput : AnsiInput
{
    private const int StdinFd = 0;

    /// <summary>Longest single sleep: a bound in case stopping is ever asked without <see cref="Stop"/>.</summary>
    private const int LongestSleepMilliseconds = 1000;

    private readonly WakeSignal _wake = new();
    private volatile bool _stopping;

    /// <summary>Raised on the input thread after a batch of input was handed to Terminal.Gui's queue.</summary>
    public event Action? InputQueued;

    public override bool Peek()
    {
        if (base.Peek())
            return true;
        if (_stopping)
            return false;
        _wake.Wait(LongestSleepMilliseconds, StdinFd);
        return base.Peek();
    }

    public override IEnumerable<char> Read()
    {
        foreach (var c in base.Read())
            yield return c;
        // Runs once the caller has enqueued every character above.
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.input");
        InputQueued?.Invoke();
    }

    /// <summary>Ends the current and every later sleep, so Terminal.Gui's shutdown does not wait for a key.</summary>
    public void Stop()
    {
        _stopping = true;
        _wake.Ring();
    }

    /// <summary>Terminal.Gui calls this on the input thread once its loop has ended, so no sleep can still be using the signal.</summary>
    public override void Dispose()
    {
        Stop();
        base.Dispose();
        _wake.Dispose();
    }
}
