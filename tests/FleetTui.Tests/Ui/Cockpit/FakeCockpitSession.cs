using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Input;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Ui.Merging;
using FleetTui.Ui.Cockpit;

namespace FleetTui.Tests.Ui.Cockpit;

/// <summary>
/// A session with fixed tasks whose terminals run on <see cref="FakePtyHost"/>, in the test's thread: like the host, it
/// starts agents at the first view's sizes, encodes each change with the host's <see cref="PaneUpdateEncoder"/> and
/// applies it to mirrors with the client's <see cref="ScreenFrameReader"/>, synchronously, so a test that feeds output
/// and draws sees it at once. The host over a real connection has its own tests.
/// </summary>
internal sealed class FakeCockpitSession : ICockpitSession
{
    private readonly Dictionary<string, PaneTerminal> _terminals = new();
    private readonly Dictionary<string, PaneUpdateEncoder> _encoders = new();
    private readonly Dictionary<string, PaneMirror> _mirrors = new();
    private readonly WireWriter _frame = new();
    private IReadOnlyList<PaneViewSpec> _view = [];

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

    public bool ReadOnly { get; init; }

    public List<string> Restarted { get; } = [];

    public List<NewTaskRequest> Created { get; } = [];

    public List<string> Destroyed { get; } = [];

    public List<(string Task, FleetTui.Core.Worktrees.WorktreeLoss Loss)> DestroyedWith { get; } = [];

    public FakeMergeDriver MergeDriver { get; } = new();

    public IMergeDriver Merges => MergeDriver;

    public List<IReadOnlyList<PaneViewSpec>> Views { get; } = [];

    public List<(string Task, bool Focused)> Focus { get; } = [];

    public List<(string Task, MouseEvent Mouse)> Mice { get; } = [];

    public bool HostStopped { get; private set; }

    public event Action? SnapshotChanged;

    public event Action<string>? ScreensChanged;

    public event Action<string>? Disconnected;

    public FakePtyProcess Process(string task) => Host.Started.Single(p => p.Options.WorkingDirectory == $"/wt/{task}");

    public PaneTerminal? TerminalFor(string task) => _terminals.GetValueOrDefault(task);

    public PaneMirror? ScreenFor(string task) => _mirrors.GetValueOrDefault(task);

    public void SetView(IReadOnlyList<PaneViewSpec> panes, string? focused)
    {
        _view = panes;
        Views.Add(panes);
        foreach (var pane in panes)
        {
            if (_terminals.TryGetValue(pane.Task, out var terminal))
                terminal.Resize(pane.Columns, pane.Rows);
            else if (Snapshot.FindTask(pane.Task) is { Phase: TaskPhase.Active } task)
                StartTerminal(task, pane.Columns, pane.Rows);
        }
        Sync();
    }

    private void StartTerminal(TaskSnapshot task, int columns, int rows)
    {
        var terminal = new PaneTerminal(columns, rows);
        _terminals[task.Name] = terminal;
        terminal.Output += _ => Sync();
        terminal.Exited += Sync;
        terminal.Start(Host, new PtySpawnOptions("sh") { WorkingDirectory = task.WorktreePath });
    }

    /// <summary>What the host's writer loop does for one client, at once: every shown pane's changes to its mirror.</summary>
    private void Sync()
    {
        lock (_frame)
        {
            var appeared = new List<string>();
            foreach (var pane in _view)
            {
                if (!_encoders.TryGetValue(pane.Task, out var encoder))
                    _encoders[pane.Task] = encoder = new PaneUpdateEncoder();
                _frame.Clear();
                _frame.U16(1);
                if (!encoder.Encode(pane.Task, _terminals.GetValueOrDefault(pane.Task), pane.ScrollOffset, _frame))
                    continue;
                foreach (var mirror in ScreenFrameReader.Apply(_frame.WrittenSpan, (task, create) =>
                         {
                             if (_mirrors.TryGetValue(task, out var existing) || !create)
                                 return existing;
                             appeared.Add(task);
                             return _mirrors[task] = new PaneMirror(task);
                         }))
                    mirror.SignalChange();
            }
            foreach (var task in appeared)
                ScreensChanged?.Invoke(task);
        }
    }

    public void Publish(SessionSnapshot snapshot)
    {
        Snapshot = snapshot;
        SnapshotChanged?.Invoke();
    }

    public void Disconnect(string reason) => Disconnected?.Invoke(reason);

    public void SendKey(string task, KeyInput key)
    {
        if (_terminals.GetValueOrDefault(task) is { } terminal)
            terminal.Write(KeyEncoder.Encode(key, terminal.InputModes));
    }

    public void Paste(string task, string text)
    {
        if (_terminals.GetValueOrDefault(task) is { } terminal)
            terminal.Write(PasteEncoder.Encode(text, terminal.InputModes));
    }

    public void SendMouse(string task, MouseEvent mouse)
    {
        Mice.Add((task, mouse));
        if (_terminals.GetValueOrDefault(task) is { InputModes: { MouseTracking: not MouseTracking.None } modes } terminal)
            terminal.Write(MouseEncoder.Encode(mouse, modes));
    }

    public void SendFocus(string task, bool focused)
    {
        Focus.Add((task, focused));
        if (_terminals.GetValueOrDefault(task) is { InputModes: { FocusEvents: true } modes } terminal)
            terminal.Write(FocusEncoder.Encode(focused, modes));
    }

    public Task<int?> SearchAsync(string task, string text, int fromOffset)
    {
        if (_terminals.GetValueOrDefault(task) is not { } terminal)
            return System.Threading.Tasks.Task.FromResult<int?>(null);
        lock (terminal.Terminal.SyncRoot)
        {
            var screen = terminal.Terminal.Screen;
            var history = screen.IsAlternateScreen ? 0 : screen.Scrollback.Count;
            var match = HistorySearch.FindPrevious(i => screen.GetRowText(i - history), history + screen.Rows, text, history - fromOffset);
            return System.Threading.Tasks.Task.FromResult<int?>(match < 0 ? null : history - match);
        }
    }

    public Task<int?> FindLineAsync(string task, string text, int fromLine, bool newer)
    {
        if (_terminals.GetValueOrDefault(task) is not { } terminal)
            return System.Threading.Tasks.Task.FromResult<int?>(null);
        lock (terminal.Terminal.SyncRoot)
            return System.Threading.Tasks.Task.FromResult(PaneHistory.Find(terminal.Terminal.Screen, text, fromLine, newer));
    }

    public Task<IReadOnlyList<string>> PaneLinesAsync(string task, int first, int last)
    {
        if (_terminals.GetValueOrDefault(task) is not { } terminal)
            return System.Threading.Tasks.Task.FromResult<IReadOnlyList<string>>([]);
        lock (terminal.Terminal.SyncRoot)
            return System.Threading.Tasks.Task.FromResult(PaneHistory.Lines(terminal.Terminal.Screen, first, last));
    }

    public Task<string> PaneTextAsync(string task, int offset)
    {
        if (_terminals.GetValueOrDefault(task) is not { } terminal)
            return System.Threading.Tasks.Task.FromResult("");
        lock (terminal.Terminal.SyncRoot)
        {
            var screen = terminal.Terminal.Screen;
            var lines = Enumerable.Range(0, screen.Rows).Select(row => screen.GetRowText(row - offset));
            return System.Threading.Tasks.Task.FromResult(string.Join("\n", lines).TrimEnd());
        }
    }

    public void RestartAgent(string task, bool continueSession)
    {
        if (continueSession)
            RestartedWith.Add((task, true));
        else
            Restarted.Add(task);
    }

    public List<(string Task, bool Continue)> RestartedWith { get; } = [];

    public List<string> Stopped { get; } = [];

    public List<string> MarkedDone { get; } = [];

    public Dictionary<string, TaskTicket> Tickets { get; } = [];

    public void StopAgent(string task) => Stopped.Add(task);

    public List<(string Task, string Service, string Action)> ServiceActions { get; } = [];

    public System.Threading.Tasks.Task<CommandResult> ControlServiceAsync(string task, string service, string action)
    {
        ServiceActions.Add((task, service, action));
        return System.Threading.Tasks.Task.FromResult(CommandResult.Ok($"{action} {task}/{service}"));
    }

    public Task MarkDoneAsync(string task)
    {
        MarkedDone.Add(task);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    public Task<TaskTicket?> TicketForAsync(string task) => System.Threading.Tasks.Task.FromResult(Tickets.GetValueOrDefault(task));

    public FleetTui.Core.Worktrees.WorktreeLoss Loss { get; set; } =
        new(["src/api.cs"], [new FleetTui.Core.Worktrees.LostCommit("abc1234def", "add api")], [], []);

    public Task<FleetTui.Core.Worktrees.WorktreeLoss> DescribeLossAsync(string task) => System.Threading.Tasks.Task.FromResult(Loss);

    public CommandResult DestroyOutcome { get; set; } = CommandResult.Ok("destroyed");

    public Task<CommandResult> DestroyTaskAsync(string task, FleetTui.Core.Worktrees.WorktreeLoss confirmedLoss)
    {
        Destroyed.Add(task);
        DestroyedWith.Add((task, confirmedLoss));
        return System.Threading.Tasks.Task.FromResult(DestroyOutcome);
    }

    public Task<CommandResult> CreateTaskAsync(NewTaskRequest request)
    {
        Created.Add(request);
        return System.Threading.Tasks.Task.FromResult(CommandResult.Ok("created"));
    }

    public Dictionary<string, FleetTui.Core.Review.TaskDiffText> Diffs { get; } = [];

    public Task<string> ExplainAsync(string task) => System.Threading.Tasks.Task.FromResult($"{task}: idle via screen (the fake's explanation)");

    public List<(string Task, FleetTui.Core.Review.ReviewVerdict Verdict, IReadOnlyList<FleetTui.Core.Review.ReviewComment> Comments, string? Note, bool MergeNow)> Reviews { get; } = [];

    public Task<FleetTui.Core.Review.TaskDiffText?> ReadDiffAsync(string task) => System.Threading.Tasks.Task.FromResult(Diffs.GetValueOrDefault(task));

    public Task<CommandResult> ReviewAsync(string task, FleetTui.Core.Review.ReviewVerdict verdict, IReadOnlyList<FleetTui.Core.Review.ReviewComment> comments, string? note, bool mergeNow)
    {
        Reviews.Add((task, verdict, comments, note, mergeNow));
        return System.Threading.Tasks.Task.FromResult(CommandResult.Ok("reviewed"));
    }

    public Task<CommandResult> StopHostAsync()
    {
        HostStopped = true;
        return System.Threading.Tasks.Task.FromResult(CommandResult.Ok("stopping"));
    }

    public void Dispose()
    {
        foreach (var terminal in _terminals.Values)
            terminal.Dispose();
    }
}
