using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Host.Runtime;

namespace FleetTui.Ui.Cockpit;

/// <summary>The cockpit's face on a <see cref="FleetRuntime"/> running in the same process.</summary>
public sealed class FleetCockpitSession(FleetRuntime runtime) : ICockpitSession
{
    public FleetRuntime Runtime => runtime;

    public SessionSnapshot Snapshot => runtime.Snapshot;

    public event Action? SnapshotChanged
    {
        add => runtime.SnapshotChanged += value;
        remove => runtime.SnapshotChanged -= value;
    }

    public event Action<string>? TerminalStarted
    {
        add => runtime.TerminalStarted += value;
        remove => runtime.TerminalStarted -= value;
    }

    public PaneTerminal? TerminalFor(string task) => runtime.TerminalFor(task);

    public void Start(IReadOnlyDictionary<string, (int Columns, int Rows)> sizes) => runtime.Start(sizes);

    public void RestartAgent(string task) => runtime.RestartAgent(task);

    public void RestartAgent(string task, bool continueSession) => runtime.RestartAgent(task, continueSession);

    public void StopAgent(string task) => runtime.StopAgent(task);

    public Task MarkDoneAsync(string task) => runtime.MarkDoneAsync(task);

    public TaskTicket? TicketFor(string task) => runtime.TicketFor(task);

    public Task<IReadOnlyList<string>> DescribeLossAsync(string task) => runtime.DescribeLossAsync(task);

    public Task DestroyTaskAsync(string task) => runtime.DestroyTaskAsync(task);

    public Task CreateTaskAsync(NewTaskRequest request) =>
        runtime.SendAsync(new SessionCommand.NewTask(request.Name, Base: request.Base, DependsOn: request.DependsOn, Agent: request.Agent));

    public IMergeDriver Merges => runtime.Merges;

    public void Dispose() => runtime.Dispose();
}
