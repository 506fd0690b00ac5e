using System.IO.Pipes;
using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class WakeSignalTests
{
    private const int AnHour = 3_600_000;

    [Fact]
    public async Task A_ring_from_another_thread_ends_a_long_wait()
    {
        using var signal = new WakeSignal();
        var waiting = Task.Run(() => signal.Wait(AnHour));

        signal.Ring();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(WakeReason.Rung);
    }

    [Fact]
    public void A_ring_before_the_wait_is_not_lost_and_is_consumed_by_it()
    {
        using var signal = new WakeSignal();
        signal.Ring();
        signal.Ring();

        signal.Wait(AnHour).ShouldBe(WakeReason.Rung);
        signal.Wait(0).ShouldBe(WakeReason.TimedOut); // both rings were one wake-up
    }

    [Fact]
    public void Reset_forgets_rings_nobody_waited_for()
    {
        using var signal = new WakeSignal();
        signal.Ring();

        signal.Reset();

        signal.Wait(0).ShouldBe(WakeReason.TimedOut);
    }

    [Fact]
    public async Task Input_on_the_watched_descriptor_ends_the_wait_and_is_left_for_its_reader()
    {
        using var signal = new WakeSignal();
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);
        using var writer = new AnonymousPipeClientStream(PipeDirection.Out, reader.ClientSafePipeHandle);
        var fd = (int)reader.SafePipeHandle.DangerousGetHandle();
        var waiting = Task.Run(() => signal.Wait(AnHour, fd));

        writer.WriteByte((byte)'k');
        writer.Flush();

        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(WakeReason.Readable);
        reader.ReadByte().ShouldBe('k');
    }

    [Fact]
    public void Without_a_ring_or_input_the_wait_times_out()
    {
        using var signal = new WakeSignal();
        using var reader = new AnonymousPipeServerStream(PipeDirection.In);

        signal.Wait(20, (int)reader.SafePipeHandle.DangerousGetHandle()).ShouldBe(WakeReason.TimedOut);
    }

    [Fact]
    public void Ringing_after_dispose_does_nothing()
    {
        var signal = new WakeSignal();
        signal.Dispose();

        Should.NotThrow(signal.Ring);
    }
}
