using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace FleetTui.Benchmarks.Ui;

/// <summary>
/// Samples what a stretch of code allocates, by type: the runtime's GC AllocationTick event fires about every 100 KB
/// allocated and names the type of the object that crossed the mark, so the counts are proportional to the bytes each
/// type takes. Enough to say where a frame's allocations go without a profiler.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, int> _ticks = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            return;
        var index = e.PayloadNames.IndexOf("TypeName");
        if (index >= 0 && e.Payload?[index] is string type)
            _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
    }

    /// <summary>Forgets the samples so far (the warm-up's).</summary>
    public void Reset() => _ticks.Clear();

    public void Print(int top)
    {
        var total = _ticks.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation samples by type ({total} samples, ~100 KB each):"));
        foreach (var (type, count) in _ticks.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count * 100.0 / Math.Max(1, total),5:0.0}%  {type}"));
    }
}
