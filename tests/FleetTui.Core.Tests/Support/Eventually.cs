namespace FleetTui.Core.Tests.Support;

/// <summary>Polls a condition until it holds or a generous timeout passes (tests never sleep a fixed time).</summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(20);
        }
        return condition();
    }
}
