using System.Diagnostics;

namespace FleetTui.Tests.Demo;

/// <summary>Polls a condition until it holds or the timeout (only reached on failure) passes.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value))
                return value;
            if (clock.Elapsed > (timeout ?? DefaultTimeout))
                throw new TimeoutException($"Timed out after {clock.Elapsed.TotalSeconds:F1}s waiting for {what}. Last value:\n{value}");
            await Task.Delay(50);
        }
    }

    public static Task<string> ContainsAsync(Func<string> text, string expected, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(text()), t => t.Contains(expected, StringComparison.Ordinal), $"\"{expected}\"", timeout);
}
