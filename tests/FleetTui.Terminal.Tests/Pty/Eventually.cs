using System.Diagnostics;

namespace FleetTui.Terminal.Tests.Pty;

/// <summary>Polls a condition until it holds or a generous timeout passes (only reached when the test fails).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static void Until(Func<bool> condition, Func<string> describeFailure, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? DefaultTimeout;
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds:0} s: {describeFailure()}");
            }

            Thread.Sleep(10);
        }
    }

    public static T Result<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        if (!task.Wait(timeout ?? DefaultTimeout))
        {
            throw new TimeoutException($"Timed out waiting for {what}");
        }

        return task.Result;
    }

    public static void Completes(Task task, string what, TimeSpan? timeout = null)
    {
        if (!task.Wait(timeout ?? DefaultTimeout))
        {
            throw new TimeoutException($"Timed out waiting for {what}");
        }
    }
}
