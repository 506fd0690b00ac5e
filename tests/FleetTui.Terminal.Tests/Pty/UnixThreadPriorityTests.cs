using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class UnixThreadPriorityTests
{
    [Fact]
    public void Lowering_a_thread_s_priority_changes_that_thread_only()
    {
        string? threadStat = null;
        var lowered = false;
        var thread = new Thread(() =>
        {
            lowered = UnixThreadPriority.TryLowerCurrentThread(17);
            threadStat = File.ReadAllText("/proc/thread-self/stat");
        });
        thread.Start();
        thread.Join();

        lowered.ShouldBeTrue();
        Nice(threadStat!).ShouldBe(Math.Max(17, Nice(File.ReadAllText("/proc/self/stat"))));
        Nice(File.ReadAllText("/proc/thread-self/stat")).ShouldBeLessThan(17); // the test's own thread is untouched
    }

    private static int Nice(string stat) => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
}
