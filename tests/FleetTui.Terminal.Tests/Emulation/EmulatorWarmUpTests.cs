using FleetTui.Terminal.Emulation;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Emulation;

public class EmulatorWarmUpTests
{
    [Fact]
    public void The_warm_up_runs_its_sample_through_a_throwaway_terminal_on_its_own_thread()
    {
        var thread = EmulatorWarmUp.StartInBackground(120, 40);
        var background = thread.IsBackground; // never keeps the process alive at exit

        thread.Join(TimeSpan.FromSeconds(60)).ShouldBeTrue();
        background.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(300, 100)]
    public void Any_screen_size_is_fine(int columns, int rows) => Should.NotThrow(() => EmulatorWarmUp.Run(columns, rows));
}
