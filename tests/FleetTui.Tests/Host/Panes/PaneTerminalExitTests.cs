using FleetTui.Host.Panes;
using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Panes;

public class PaneTerminalExitTests
{
    [Fact]
    public async Task A_program_that_floods_and_exits_is_reported_exited_only_with_its_last_words_on_the_screen()
    {
        // The PTY is read ahead of the parser: when the program exits, much of what it printed may still be queued. Whoever
        // hears of the exit (the client's "exit code 3", the agent monitor) must find the whole output on the screen.
        using var pane = new PaneTerminal(80, 24);
        var screenAtExit = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pane.Exited += () =>
        {
            lock (pane.Terminal.SyncRoot)
                screenAtExit.TrySetResult(string.Join("\n", Enumerable.Range(0, 24).Select(pane.Terminal.Screen.GetRowText)));
        };

        pane.Start(new UnixPtyHost(), new PtySpawnOptions("sh", "-c", "seq 1 300000; printf 'THE END'; exit 3"));

        var screen = await screenAtExit.Task.WaitAsync(TimeSpan.FromSeconds(60));
        screen.ShouldContain("300000\nTHE END");
        pane.ExitStatus.ShouldBe(new PtyExitStatus(3, null));
    }
}
