using FleetTui.Core.Agents;
using FleetTui.Tests.Demo;
using FleetTui.Host.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Agents;

public sealed class AgentSignalWatcherTests : IDisposable
{
    private readonly string _commonDir = Directory.CreateTempSubdirectory("fleet-signals-").FullName;
    private readonly List<(string Task, HookSignal Signal)> _received = [];
    private readonly Lock _lock = new();

    public void Dispose() => Directory.Delete(_commonDir, recursive: true);

    private void Receive(string task, IReadOnlyList<AgentSignal> signals)
    {
        lock (_lock)
            _received.AddRange(signals.Select(s => (task, s.State)));
    }

    private List<(string Task, HookSignal Signal)> Received
    {
        get
        {
            lock (_lock)
                return [.. _received];
        }
    }

    [Fact]
    public async Task Hands_over_each_new_signal_of_each_task_in_order()
    {
        using var watcher = new AgentSignalWatcher(_commonDir, Receive);

        AgentSignalWriter.Append(_commonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Working));
        AgentSignalWriter.Append(_commonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Waiting));
        AgentSignalWriter.Append(_commonDir, new AgentSignal(DateTimeOffset.UtcNow, "web", HookSignal.Done));

        await Eventually.HoldsAsync(() => Task.FromResult(Received), r => r.Count == 3, "three signals", TimeSpan.FromSeconds(15));
        Received.Where(r => r.Task == "api").Select(r => r.Signal).ShouldBe([HookSignal.Working, HookSignal.Waiting]);
        Received.ShouldContain(("web", HookSignal.Done));
    }

    [Fact]
    public async Task Skips_signals_left_by_an_earlier_run()
    {
        AgentSignalWriter.Append(_commonDir, new AgentSignal(DateTimeOffset.UtcNow.AddHours(-1), "api", HookSignal.Done));
        using var watcher = new AgentSignalWatcher(_commonDir, Receive);

        AgentSignalWriter.Append(_commonDir, new AgentSignal(DateTimeOffset.UtcNow, "api", HookSignal.Working));

        await Eventually.HoldsAsync(() => Task.FromResult(Received), r => r.Count > 0, "the new signal", TimeSpan.FromSeconds(15));
        watcher.Poll("api");
        Received.ShouldBe([("api", HookSignal.Working)]);
    }
}
