using FleetTui.Host.Panes;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Panes;

public class HistoryPackerTests
{
    [Fact]
    public async Task A_pane_whose_program_went_quiet_has_its_history_packed_by_the_timer()
    {
        using var pane = new PaneTerminal(80, 24);
        var terminal = pane.Terminal;
        HistoryPacker.Shared.Remove(terminal); // this test drives its own packer, on a short interval
        using var packer = new HistoryPacker(TimeSpan.FromMilliseconds(50));
        packer.Add(terminal);

        pane.Start(new UnixPtyHost(), new PtySpawnOptions("/bin/sh", "-c", "seq 1 500; exec sleep 60"));

        await Eventually.HoldsAsync(
            () => Task.FromResult(Packed(terminal)),
            p => p.Count >= 477 && p.Packed == p.Count,
            "the whole history packed");
        lock (terminal.SyncRoot)
            terminal.Screen.GetRowText(-1).ShouldBe("477"); // read back: 478..500 and the prompt-less last row are on screen
    }

    private static (int Count, int Packed) Packed(VirtualTerminal terminal)
    {
        lock (terminal.SyncRoot)
            return (terminal.Screen.Scrollback.Count, terminal.Screen.Scrollback.PackedCount);
    }

    [Fact]
    public void Every_pane_joins_the_hosts_packer_while_it_lives()
    {
        var pane = new PaneTerminal(80, 24);
        HistoryPacker.Shared.Contains(pane.Terminal).ShouldBeTrue();

        pane.Dispose();

        HistoryPacker.Shared.Contains(pane.Terminal).ShouldBeFalse();
    }

    [Fact]
    public void A_pass_packs_only_lines_that_sat_through_the_previous_pass_and_at_most_its_budget_per_pane()
    {
        using var packer = new HistoryPacker(Timeout.InfiniteTimeSpan);
        var terminal = new VirtualTerminal(80, 24);
        packer.Add(terminal);
        terminal.Feed(string.Concat(Enumerable.Repeat("line\r\n", HistoryPacker.LinesPerPass + 1000)));

        packer.PackOnce().ShouldBe(0);
        packer.PackOnce().ShouldBe(HistoryPacker.LinesPerPass);
        packer.PackOnce().ShouldBe(terminal.Screen.Scrollback.Count - HistoryPacker.LinesPerPass);
        packer.LinesPacked.ShouldBe(terminal.Screen.Scrollback.Count);
    }

    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000_000_000;

        public override long TimestampFrequency => 1_000_000_000;

        public override long GetTimestamp() => Now;
    }

    [Fact]
    public void The_collection_that_gives_packed_memory_back_waits_until_nobody_has_typed_for_a_while()
    {
        var clock = new ManualClock();
        using var packer = new HistoryPacker(Timeout.InfiniteTimeSpan, clock);
        var terminals = Enumerable.Range(0, 3).Select(_ => new VirtualTerminal(80, 24)).ToList();
        foreach (var terminal in terminals)
        {
            packer.Add(terminal);
            terminal.Feed(string.Concat(Enumerable.Repeat("line\r\n", HistoryPacker.LinesPerPass)));
        }
        packer.PackOnce();
        packer.InputArrived();

        packer.PackOnce().ShouldBeGreaterThanOrEqualTo(8000); // enough to owe a collection, but a key was just typed
        packer.CollectionOwed.ShouldBeTrue();
        clock.Now += (long)(HistoryPacker.QuietBeforeCollecting.TotalSeconds * clock.TimestampFrequency) - 1;
        packer.PackOnce();
        packer.CollectionOwed.ShouldBeTrue();

        clock.Now += 1;
        packer.PackOnce();
        packer.CollectionOwed.ShouldBeFalse();
    }
}
