using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Ui.Merging;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Panes;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>A session with fixed tasks whose terminals run on <see cref="FakePtyHost"/>.</summary>
internal sealed class FakeCockpitSession : ICockpitSession
{
    private readonly Dictionary<string, PaneTerminal> _terminals = new();

    public FakeCockpitSession(params TaskSnapshot[] tasks)
    {
        Snapshot = new SessionSnapshot
        {
            Version = 1,
            RepoRoot = "/repo",
            BaseBranch = "main",
            Config = new FleetConfig { SourcePath = "/repo/fleet.toml", Fleet = new FleetSettings() },
            Tasks = tasks,
        };
    }

    public static TaskSnapshot Task(string name, TaskPhase phase = TaskPhase.Active, AgentActivity activity = AgentActivity.Working, params string[] dependsOn) => new()
    {
        Name = name,
        Branch = $"fleet/{name}",
        BaseBranch = "main",
        Phase = phase,
        WorktreePath = $"/wt/{name}",
        DependsOn = dependsOn,
        Agent = new AgentState(activity),
    };

    public FakePtyHost Host { get; } = new();

    public SessionSnapshot Snapshot { get; private set; }

    public List<string> Restarted { get; } = [];

    public List<NewTaskRequest> Created { get; } = [];

    public List<string> Destroyed { get; } = [];

    public FakeMergeDriver MergeDriver { get; } = new();

    public IMergeDriver Merges => MergeDriver;

    public event Action? SnapshotChanged;

    public event Action<string>? TerminalStarted;

    public FakePtyProcess Process(string task) => Host.Started.Single(p => p.Options.WorkingDirectory == $"/wt/{task}");

    public PaneTerminal? TerminalFor(string task) => _terminals.GetValueOrDefault(task);

    public void Start(IReadOnlyDictionary<string, (int Columns, int Rows)> sizes)
    {
        foreach (var task in Snapshot.Tasks.Where(t => t.Phase == TaskPhase.Active))
        {
            var (columns, rows) = sizes[task.Name];
            var terminal = new PaneTerminal(columns, rows);
            terminal.Start(Host, new PtySpawnOptions("sh") { WorkingDirectory = task.WorktreePath });
            _terminals[task.Name] = terminal;
            TerminalStarted?.Invoke(task.Name);
        }
    }

    public void Publish(SessionSnapshot snapshot)
    {
        Snapshot = snapshot;
        SnapshotChanged?.Invoke();
    }

    public void RestartAgent(string task) => Restarted.Add(task);

    public List<(string Task, bool Continue)> RestartedWith { get; } = [];

    public List<string> Stopped { get; } = [];

    public List<string> MarkedDone { get; } = [];

    public Dictionary<string, TaskTicket> Tickets { get; } = [];

    public void RestartAgent(string task, bool continueSession) => RestartedWith.Add((task, continueSession));

    public void StopAgent(string task) => Stopped.Add(task);

    public Task MarkDoneAsync(string task)
    {
        MarkedDone.Add(task);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public TaskTicket? TicketFor(string task) => Tickets.GetValueOrDefault(task);

    public Task<IReadOnlyList<string>> DescribeLossAsync(string task) =>
        System.Threading.Tasks.Task.FromResult<IReadOnlyList<string>>(["uncommitted: src/api.cs", "unmerged commit: abc1234 add api"]);

    public Task DestroyTaskAsync(string task)
    {
        Destroyed.Add(task);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public Task CreateTaskAsync(NewTaskRequest request)
    {
        Created.Add(request);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var terminal in _terminals.Values)
            terminal.Dispose();
    }
}
