using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Panes;

public class OutputFramePacerTests
{
    private TimeSpan _now = TimeSpan.FromSeconds(100);

    private OutputFramePacer Pacer() => new(() => _now);

    [Fact]
    public void The_first_output_is_drawn_at_once()
    {
        Pacer().OutputArrived().ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Output_soon_after_a_draw_waits_for_the_rest_of_the_flood_interval_and_is_scheduled_once()
    {
        var pacer = Pacer();
        pacer.OutputArrived();
        pacer.Drawn();

        _now += TimeSpan.FromMilliseconds(10);
        var wait = pacer.OutputArrived();
        var again = pacer.OutputArrived();

        wait.ShouldBe(OutputFramePacer.FloodInterval - TimeSpan.FromMilliseconds(10));
        again.ShouldBeNull();
    }

    [Fact]
    public void After_the_deferred_draw_and_a_quiet_spell_output_is_drawn_at_once_again()
    {
        var pacer = Pacer();
        pacer.Drawn();
        _now += TimeSpan.FromMilliseconds(5);
        pacer.OutputArrived().ShouldNotBe(TimeSpan.Zero);
        _now += OutputFramePacer.FloodInterval;
        pacer.Drawn();

        _now += OutputFramePacer.FloodInterval;

        pacer.OutputArrived().ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_pane_out_of_focus_floods_at_the_background_rate_and_at_the_normal_rate_once_focused()
    {
        var focused = false;
        var pacer = new OutputFramePacer(() => _now, () => !focused);
        pacer.OutputArrived();
        pacer.Drawn();

        _now += TimeSpan.FromMilliseconds(50);
        pacer.OutputArrived().ShouldBe(OutputFramePacer.BackgroundFloodInterval - TimeSpan.FromMilliseconds(50));
        pacer.Drawn();

        focused = true;
        _now += TimeSpan.FromMilliseconds(50);
        pacer.OutputArrived().ShouldBe(TimeSpan.Zero); // 50 ms is past the focused pane's interval
    }
}
