using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class SynchronizedOutputTests
{
    private sealed class ManualTime : TimeProvider
    {
        public long Ticks;

        public override long GetTimestamp() => Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void A_synchronized_update_publishes_nothing_until_it_ends()
    {
        var time = new ManualTime();
        var vt = new VirtualTerminal(10, 3, timeProvider: time);
        var dirty = new DirtyRowSet(3);
        vt.TakeFrame(dirty).ShouldBeTrue();
        dirty.Clear();

        vt.Feed("\e[?2026h\e[2Jhalf");
        vt.IsFrameHeld.ShouldBeTrue();
        vt.TakeFrame(dirty).ShouldBeFalse();
        dirty.Any.ShouldBeFalse();

        vt.Feed(" done\e[?2026l");
        vt.TakeFrame(dirty).ShouldBeTrue();
        dirty.IsDirty(0).ShouldBeTrue();
    }

    [Fact]
    public void A_synchronized_update_that_never_ends_is_released_after_the_timeout()
    {
        var time = new ManualTime();
        var vt = new VirtualTerminal(10, 3, timeProvider: time);
        var dirty = new DirtyRowSet(3);
        vt.Feed("\e[?2026hstuck");
        vt.TakeFrame(dirty).ShouldBeFalse();
        time.Ticks += (VirtualTerminal.SynchronizedOutputTimeout + TimeSpan.FromMilliseconds(1)).Ticks;
        vt.TakeFrame(dirty).ShouldBeTrue();
    }

    [Fact]
    public void Dirty_rows_track_only_what_changed()
    {
        var vt = new VirtualTerminal(10, 5);
        var dirty = new DirtyRowSet(5);
        vt.TakeFrame(dirty);
        dirty.Clear();
        vt.Feed("\e[3;1Hx");
        vt.TakeFrame(dirty).ShouldBeTrue();
        dirty.Count.ShouldBe(1);
        dirty.IsDirty(2).ShouldBeTrue();
        vt.TakeFrame(dirty).ShouldBeFalse();
    }
}
