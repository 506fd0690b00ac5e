using FleetTui.Core.Agents;
using FleetTui.Host.Agents;

namespace FleetTui.RealAgents.Tests.Harness;

/// <summary>
/// The hook path of the runtime: <c>fleet signal</c> lines in the repository's signal file, watched with inotify by an
/// <see cref="AgentSignalWatcher"/>, kept only when they carry this launch's id, handed to the pane's monitor.
/// </summary>
public sealed class HookFeed : IDisposable
{
    private readonly AgentSignalWatcher _watcher;
    private readonly Lock _lock = new();
    private readonly List<AgentSignal> _signals = [];

    public HookFeed(string commonGitDir, string task, string run, AgentPane pane)
    {
        Run = run;
        _watcher = new AgentSignalWatcher(commonGitDir, (signalTask, signals) =>
        {
            if (signalTask != task)
                return;
            foreach (var signal in signals.Where(s => s.Run == run))
            {
                lock (_lock)
                    _signals.Add(signal);
                pane.Monitor.ObserveHook(signal.ToObservation());
            }
        });
    }

    public string Run { get; }

    public IReadOnlyList<AgentSignal> Signals
    {
        get
        {
            lock (_lock)
                return [.. _signals];
        }
    }

    public void Dispose() => _watcher.Dispose();
}
