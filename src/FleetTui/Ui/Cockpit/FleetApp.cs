using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using System.Drawing;
using FleetTui.Core.Session;
using FleetTui.Host.Protocol;
using FleetTui.Terminal.Input;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Layouts;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// The composition root of the cockpit: builds the views, routes every key (prefix commands, direct jumps, scroll mode,
/// dialogs, and everything else to the focused pane through <see cref="KeyEncoder"/>), lays the panes out on every
/// change, and turns terminal output into at most one redraw per pane per main-loop iteration.
/// </summary>
public sealed partial class FleetApp : IDisposable, IMergePanelHost
{
    private readonly IApplication _app;
    private readonly ICockpitSession _session;
    private readonly KeyDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly Action<string> _writeToOuterTerminal;
    private readonly ChromeAttributes _chrome;
    private readonly List<PaneView> _panes = [];
    private readonly StyledLinesView _sidebar;
    private readonly StyledLinesView _mergePanel;
    private readonly StyledLinesView _statusBar;
    private readonly StyledLinesView _overlay;
    private Func<GuiKey, bool>? _overlayKeys;
    private Action? _rerenderOverlay;
    private Rectangle _overlayFrame;
    private LayoutKind _layout = LayoutKind.Tiled;
    private bool _zoomed;
    private bool _sidebarVisible = true;
    private bool _mergePanelVisible;
    private int _focused;
    private CockpitMode _mode = CockpitMode.Normal;
    private string _search = "";
    private int _snapshotSignalled;
    private object? _clockTimer;
    private readonly MergePanelController _merge;
    private readonly KeyDispatcher _mergePanelKeys;
    private int _mergeActivitySignalled;

    /// <summary>
    /// Redraw a pane that keeps printing at most every <see cref="OutputFramePacer.FloodInterval"/> (the real cockpit);
    /// off, every output is drawn on the next iteration (what headless tests, driving the loop by hand, expect).
    /// </summary>
    public bool PaceFloodingPanes { get; init; }

    /// <summary>Ends the main loop's wait for its next frame (the echo of a key the user just typed is on its way).</summary>
    public Action? WakeLoopUrgently { get; init; }

    /// <summary>Output of the focused pane this soon after a key sent to it is taken for its echo, and drawn without waiting.</summary>
    internal static readonly TimeSpan EchoWindow = TimeSpan.FromMilliseconds(250);

    private long _lastKeyToPaneAt;
    private bool _started;
    private bool _everyScreenArrived;
    private (List<PaneViewSpec> Panes, string? Focused)? _sentView;

    public FleetApp(IApplication app, ICockpitSession session, Keymap keymap, Theme theme, Action<string> writeToOuterTerminal, TimeProvider? time = null)
    {
        _app = app;
        _session = session;
        _dispatcher = new KeyDispatcher(keymap);
        _time = time ?? TimeProvider.System;
        _writeToOuterTerminal = writeToOuterTerminal;
        _chrome = new ChromeAttributes(theme);
        Root = new TiledRoot { Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        _sidebar = new StyledLinesView(_chrome);
        _mergePanel = new StyledLinesView(_chrome);
        _statusBar = new StyledLinesView(_chrome);
        _overlay = new StyledLinesView(_chrome) { Visible = false };
        _merge = new MergePanelController(session.Merges, this, keymap);
        _mergePanelKeys = new KeyDispatcher(keymap, KeyScope.MergePanel);
        Root.Add(_sidebar, _mergePanel, _statusBar);
        _sidebar.RowClicked += OnSidebarClicked;

        var snapshot = session.Snapshot;
        for (var i = 0; i < snapshot.Tasks.Count; i++)
            AddPane(snapshot.Tasks[i], i);
        Root.Add(_overlay);
    }

    public Runnable Root { get; }

    public IReadOnlyList<PaneView> Panes => _panes;

    public int FocusedIndex => _focused;

    public CockpitMode Mode => _mode;

    public LayoutKind EffectiveLayout => _zoomed ? LayoutKind.Zoom : _layout;

    /// <summary>Lays out, tells the host the panes' sizes (agents start at them), and wires keys, screens and the clock.</summary>
    public void Start()
    {
        _session.ScreensChanged += OnScreensChanged;
        _session.SnapshotChanged += OnSnapshotChanged;
        _session.Merges.ActivityChanged += OnMergeActivityChanged;
        _started = true;
        ApplyLayout();
        foreach (var pane in _panes)
            Attach(pane);
        _app.Keyboard.KeyDown += OnKeyDown;
        _app.ScreenChanged += (_, _) => ApplyLayout();
        // Ages in the sidebar ("3m ago") move slowly: a cheap refresh every few seconds, no polling of anything else.
        _clockTimer = _app.AddTimeout(TimeSpan.FromSeconds(5), () =>
        {
            RefreshChrome();
            return true;
        });
        StartHostLinkClock();
        Focus(0);
        RefreshChrome();
    }

    private void AddPane(TaskSnapshot task, int index)
    {
        var pane = new PaneView(index + 1, task, null, _chrome) { RetryKeyText = _dispatcher.Keymap.FirstKeyText(UiCommand.RestartAgent) };
        pane.Clicked += clicked => Focus(_panes.IndexOf(clicked));
        pane.MouseForProgram += (target, mouse) =>
        {
            if (!_session.ReadOnly)
                _session.SendMouse(target.ScreenKey, mouse);
        };
        pane.ViewChanged += _ => SendView();
        _panes.Add(pane);
        Root.Add(pane);
    }

    /// <summary>Tells the host which panes show, at which size and scroll offset (only when that changed).</summary>
    private void SendView()
    {
        if (!_started)
            return;
        var view = _panes.Where(p => p.Visible && !p.Frame.IsEmpty)
            .Select(p => new PaneViewSpec(p.ScreenKey, p.ContentSize.Width, p.ContentSize.Height, p.ScrollOffset))
            .ToList();
        var focused = _focused < _panes.Count ? _panes[_focused].ScreenKey : null;
        if (_sentView is { } sent && sent.Focused == focused && sent.Panes.SequenceEqual(view))
            return;
        _sentView = (view, focused);
        _session.SetView(view, focused);
    }

    private void Attach(PaneView pane)
    {
        var screen = _session.ScreenFor(pane.ScreenKey);
        if (ReferenceEquals(pane.Screen, screen))
            return;
        pane.AttachScreen(screen);
        if (screen is null)
        {
            RefreshChrome();
            return;
        }
        // Updates arrive on the connection's thread; the mirror raises this once until the UI acknowledges, so a flood
        // costs one queued redraw per frame.
        var attachedAt = _time.GetTimestamp();
        var pacer = new OutputFramePacer(() => _time.GetElapsedTime(attachedAt), () => !pane.IsPaneFocused);
        void Draw()
        {
            if (!ReferenceEquals(pane.Screen, screen))
                return; // the pane shows another screen (or none) by now
            pacer.Drawn();
            FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.draw");
            pane.OnScreenChanged();
            if (!screen.IsRunning)
                RefreshChrome();
            MarkWhenEveryScreenArrived();
        }
        screen.Changed += () =>
        {
            // On the connection's thread: the echo of a key just typed into this (focused) pane is drawn in the very next
            // iterations. The draw is queued first: woken before it, the loop ran its timers without it, then waited a frame.
            OnTerminalOutput();
            if (WakeLoopUrgently is { } wake && EchoExpected(pane))
                wake();
        };
        void OnTerminalOutput() => _app.Invoke(() =>
        {
            // Not acknowledged until drawn: meanwhile further output raises nothing, so a flood queues no work.
            FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.invoke");
            // The echo of a key is never paced: a word and the Ctrl+U after it come within one flood interval.
            if (!PaceFloodingPanes || EchoExpected(pane))
                Draw();
            else if (pacer.OutputArrived() is { } wait) // null: a deferred draw is already on its way
            {
                if (wait == TimeSpan.Zero)
                    Draw();
                else
                    _app.AddTimeout(wait, () =>
                    {
                        Draw();
                        return false;
                    });
            }
        });
        // An update that arrived before this subscription raised Changed to nobody and left it unacknowledged, which would
        // silence every later change: take it now.
        pane.OnScreenChanged();
    }

    /// <summary>The user typed into this (focused) pane a moment ago: its output now is most likely the echo they wait for.</summary>
    private bool EchoExpected(PaneView pane) =>
        pane.IsPaneFocused && _time.GetElapsedTime(Interlocked.Read(ref _lastKeyToPaneAt)) < EchoWindow;

    /// <summary>Start-up timing (FLEET_STARTUP_LOG): the moment every task that has an agent shows its screen, once.</summary>
    private void MarkWhenEveryScreenArrived()
    {
        if (_everyScreenArrived || !_panes.Where(p => p.Task.Phase is TaskPhase.Active or TaskPhase.Review or TaskPhase.Done).All(p => p.Screen is not null))
            return;
        _everyScreenArrived = true;
        StartupTimeline.Mark("screens");
    }

    private void OnScreensChanged(string task) => _app.Invoke(() =>
    {
        foreach (var pane in _panes.Where(p => p.ScreenKey == task))
            Attach(pane);
    });

    private void OnSnapshotChanged()
    {
        if (Interlocked.Exchange(ref _snapshotSignalled, 1) == 0)
            _app.Invoke(() =>
            {
                Volatile.Write(ref _snapshotSignalled, 0);
                var snapshot = _session.Snapshot;
                RemovePanesOfGoneTasks(snapshot);
                var known = _panes.Select(p => p.Task.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var task in snapshot.Tasks.Where(t => !known.Contains(t.Name)))
                {
                    AddPane(task, _panes.Count);
                    Root.MoveSubViewToEnd(_overlay);
                    ApplyLayout();
                    Attach(_panes[^1]);
                }
                foreach (var pane in _panes)
                {
                    if (snapshot.FindTask(pane.Task.Name) is { } task)
                        pane.UpdateTask(task);
                    Attach(pane);
                }
                RefreshChrome();
                AlertArrivals(snapshot);
            });
    }

    /// <summary>A destroyed (or pruned) task's pane goes at once; the ones after it move up and take its number.</summary>
    private void RemovePanesOfGoneTasks(SessionSnapshot snapshot)
    {
        var gone = _panes.Where(p => snapshot.FindTask(p.Task.Name) is null).ToList();
        if (gone.Count == 0)
            return;
        var focusedTask = _focused < _panes.Count ? _panes[_focused].Task.Name : null;
        foreach (var pane in gone)
        {
            _panes.Remove(pane);
            Root.Remove(pane);
            pane.Dispose();
        }
        for (var i = 0; i < _panes.Count; i++)
            _panes[i].Number = i + 1;
        var index = _panes.FindIndex(p => p.Task.Name == focusedTask);
        _focused = Math.Clamp(index >= 0 ? index : _focused, 0, Math.Max(0, _panes.Count - 1));
        for (var i = 0; i < _panes.Count; i++)
            _panes[i].IsPaneFocused = i == _focused;
        ApplyLayout();
        // The removed panes' cells are now owned by others (or by nothing): repaint the whole screen.
        foreach (var pane in _panes)
            pane.Invalidate();
        Root.SetNeedsDraw();
    }

    private void OnMergeActivityChanged()
    {
        // Progress can come in bursts (one step per task): one chrome refresh per main-loop iteration.
        if (Interlocked.Exchange(ref _mergeActivitySignalled, 1) == 0)
            _app.Invoke(() =>
            {
                Volatile.Write(ref _mergeActivitySignalled, 0);
                RefreshChrome();
            });
    }

    public void ApplyLayout()
    {
        var screen = _app.Screen;
        var plan = LayoutCalculator.Compute(new LayoutRequest(
            screen.Width, screen.Height, _panes.Count, _focused, EffectiveLayout,
            _sidebarVisible, SidebarWidth(screen.Width), _mergePanelVisible, MergePanelWidth(screen.Width)));
        Place(_sidebar, plan.Sidebar);
        Place(_mergePanel, plan.MergePanel);
        Place(_statusBar, plan.StatusBar);
        for (var i = 0; i < _panes.Count; i++)
            _panes[i].Place(plan.Panes[i], hasLeftEdge: !plan.Panes[i].IsEmpty && plan.Panes[i].X > 0);
        if (_overlay.Visible)
        {
            if (_rerenderOverlay is { } rerender)
                rerender(); // made again for the new size
            else
                PlaceOverlay();
        }
        RefreshChrome();
        CurrentPlan = plan;
        SendView();
    }

    /// <summary>The last layout applied (directional focus reads it).</summary>
    public LayoutPlan? CurrentPlan { get; private set; }

    private static int SidebarWidth(int screenWidth) => Math.Clamp(screenWidth / 5, 24, 36);

    private static int MergePanelWidth(int screenWidth) => Math.Clamp(screenWidth / 4, 28, 44);

    private static void Place(View view, Rectangle frame)
    {
        view.Visible = !frame.IsEmpty;
        if (frame.IsEmpty)
            return;
        view.X = frame.X;
        view.Y = frame.Y;
        view.Width = frame.Width;
        view.Height = frame.Height;
        view.SetNeedsDraw();
    }

    private void RefreshChrome()
    {
        var snapshot = _merge.WithLiveGates(_session.Snapshot);
        var width = _sidebar.Frame.Width;
        _sidebar.Lines = SidebarPresenter.Lines(snapshot, _focused, _time.GetUtcNow(), Math.Max(1, width), _session.RemoteHosts);
        ShowHostLinks(_time.GetUtcNow());
        if (_mergePanelVisible)
            _mergePanel.Lines = _merge.Lines(Math.Max(1, _mergePanel.Frame.Width), Math.Max(1, _mergePanel.Frame.Height));
        var focusedTask = _focused < _panes.Count ? _panes[_focused].Task.Name : null;
        var attention = snapshot.Tasks.Count(TaskStateText.NeedsAttention);
        _statusBar.Lines = [StatusBarPresenter.Line(_mode, focusedTask, attention, _dispatcher.Keymap, _dispatcher.IsAwaitingNextKey, Math.Max(1, _app.Screen.Width), _statusMessage)];
    }

    /// <summary>A click on a task's rows in the sidebar focuses its pane.</summary>
    private void OnSidebarClicked(int row)
    {
        if (_overlayKeys is not null)
            return;
        var snapshot = _session.Snapshot;
        var task = SidebarPresenter.TaskAtRow(snapshot, row, _time.GetUtcNow(), _session.RemoteHosts);
        if (task < 0 || task >= snapshot.Tasks.Count)
            return;
        var index = _panes.FindIndex(p => p.Task.Name == snapshot.Tasks[task].Name);
        if (index >= 0)
            Focus(index);
    }

    public void Focus(int index)
    {
        if (index < 0 || index >= _panes.Count)
            return;
        var previous = _focused;
        _focused = index;
        for (var i = 0; i < _panes.Count; i++)
            _panes[i].IsPaneFocused = i == index;
        SendFocusEvent(previous, focused: false);
        SendFocusEvent(index, focused: true);
        _panes[index].SetFocus();
        if (EffectiveLayout != LayoutKind.Tiled)
            ApplyLayout();
        RefreshChrome();
        SendView();
    }

    /// <summary>The host sends it on to a program that asked for focus events, and reads the focused pane's output first.</summary>
    private void SendFocusEvent(int index, bool focused)
    {
        if (index < _panes.Count && !_session.ReadOnly)
            _session.SendFocus(_panes[index].ScreenKey, focused);
    }

    private void OnKeyDown(object? sender, GuiKey key)
    {
        key.Handled = HandleKey(key);
        if (key.Handled)
            RefreshChrome();
    }

    /// <summary>Routes one key; true when the cockpit consumed it (everything except keys meant for a dialog's own fields).</summary>
    public bool HandleKey(GuiKey key)
    {
        ClearStatusMessage();
        if (_overlayKeys is not null)
            return _overlayKeys(key);
        if (_mode is CockpitMode.Scroll or CockpitMode.Search)
            return HandleScrollKey(key);
        if (_mode == CockpitMode.MergePanel)
            return HandleMergePanelKey(key);

        if (GuiKeyTranslator.ToChord(key) is { } chord)
        {
            switch (_dispatcher.Feed(chord))
            {
                case KeyDispatchResult.Run run:
                    Run(run.Command);
                    return true;
                case KeyDispatchResult.AwaitingNextKey:
                    ArmPrefixTimeout();
                    return true;
                case KeyDispatchResult.Unbound unbound:
                    SayUnbound(unbound.Sequence);
                    return true;
            }
        }
        SendToFocusedPane(key);
        return true;
    }

    private void SendToFocusedPane(GuiKey key)
    {
        if (_focused >= _panes.Count || _panes[_focused].Screen is null || _session.ReadOnly)
            return;
        if (GuiKeyTranslator.ToKeyInput(key) is not { } input)
            return;
        if (_panes[_focused].ScrollOffset != 0)
            _panes[_focused].ScrollOffset = 0; // typing returns to the live screen, as in tmux
        Interlocked.Exchange(ref _lastKeyToPaneAt, _time.GetTimestamp());
        FleetTui.Terminal.Diagnostics.EchoTrace.Mark("ui.key");
        _session.SendKey(_panes[_focused].ScreenKey, input);
    }

    /// <summary>Text pasted into the outer terminal goes to the focused pane (the host brackets it when the program asked).</summary>
    public void Paste(string text)
    {
        if (_focused < _panes.Count && _panes[_focused].Screen is not null && !_session.ReadOnly)
            _session.Paste(_panes[_focused].ScreenKey, text);
    }

    public void Run(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Zoom:
                _zoomed = !_zoomed;
                ApplyLayout();
                break;
            case UiCommand.CycleLayout:
                (_layout, _zoomed) = EffectiveLayout switch
                {
                    LayoutKind.Tiled => (LayoutKind.MainStack, false),
                    LayoutKind.MainStack => (_layout, true),
                    _ => (LayoutKind.Tiled, false),
                };
                ApplyLayout();
                break;
            case UiCommand.ToggleSidebar:
                _sidebarVisible = !_sidebarVisible;
                ApplyLayout();
                break;
            case UiCommand.ToggleMergePanel:
                _mergePanelVisible = !_mergePanelVisible;
                if (!_mergePanelVisible)
                    LeaveMergePanel();
                ApplyLayout();
                break;
            case UiCommand.FocusMergePanel:
                EnterMergePanel();
                break;
            case UiCommand.FocusNext:
                Focus(FocusNavigator.Next(_focused, _panes.Count));
                break;
            case UiCommand.FocusPrevious:
                Focus(FocusNavigator.Previous(_focused, _panes.Count));
                break;
            case UiCommand.FocusLeft or UiCommand.FocusRight or UiCommand.FocusUp or UiCommand.FocusDown when CurrentPlan is { } plan:
                var direction = command switch
                {
                    UiCommand.FocusLeft => FocusDirection.Left,
                    UiCommand.FocusRight => FocusDirection.Right,
                    UiCommand.FocusUp => FocusDirection.Up,
                    _ => FocusDirection.Down,
                };
                Focus(FocusNavigator.Move(plan, _focused, direction));
                break;
            case >= UiCommand.FocusPane1 and <= UiCommand.FocusPane9:
                Focus(command - UiCommand.FocusPane1);
                break;
            case UiCommand.SendPrefix:
                if (_focused < _panes.Count && !_session.ReadOnly && PrefixAsInput(_dispatcher.Keymap.Prefix) is { } input)
                    _session.SendKey(_panes[_focused].ScreenKey, input);
                break;
            case >= UiCommand.SendAlt1 and <= UiCommand.SendAlt9:
                if (_focused < _panes.Count && !_session.ReadOnly && _panes[_focused].Screen is not null)
                    _session.SendKey(_panes[_focused].ScreenKey, KeyInput.Char((char)('1' + (command - UiCommand.SendAlt1)), KeyModifiers.Alt));
                break;
            case UiCommand.ScrollMode:
                EnterScrollMode();
                break;
            case UiCommand.Help:
                var scope = _merge.HasKeyboard ? KeyScope.MergePanel : KeyScope.Global;
                ShowScrollableOverlay(width => HelpPresenter.Lines(_dispatcher.Keymap, scope, width));
                break;
            case UiCommand.Quit:
                RequestQuit();
                break;
            case UiCommand.Detach:
                Detach();
                break;
            case UiCommand.RestartAgent:
                if (_focused < _panes.Count && !ControlShownService("restart"))
                    _session.RestartAgent(_panes[_focused].Task.Name, continueSession: false);
                break;
            case UiCommand.DestroyTask:
                if (_focused < _panes.Count)
                    ConfirmDestroy(_panes[_focused].Task.Name);
                break;
            case UiCommand.NewTask:
                ShowNewTaskForm();
                break;
            case UiCommand.NextAttention or UiCommand.RestartAgentContinue or UiCommand.StopAgent or UiCommand.MarkFocusedTaskDone or UiCommand.ShowTicket or UiCommand.ExplainAgent:
                RunAgentCommand(command);
                break;
            case UiCommand.CycleServicePane:
                CycleServicePane();
                break;
            case UiCommand.ReviewTask when _focused < _panes.Count:
                OpenReview(_panes[_focused].Task.Name);
                break;
        }
    }

    private static KeyInput? PrefixAsInput(KeyChord prefix)
    {
        var modifiers = (prefix.Ctrl ? KeyModifiers.Ctrl : 0) | (prefix.Alt ? KeyModifiers.Alt : 0);
        return prefix.Key.Length == 1 ? KeyInput.Char(prefix.Key[0], modifiers) : null;
    }

    /// <summary>What ended the cockpit: a detach (the agents keep running) or a stop of the host and its agents.</summary>
    public CockpitExit Exit { get; private set; } = CockpitExit.Detached;

    /// <summary>Leaves the cockpit; the host and its agents keep running (<c>fleet attach</c> comes back).</summary>
    private void Detach()
    {
        Exit = CockpitExit.Detached;
        _app.RequestStop();
    }

    /// <summary>Asks whether to stop the agents and the host, or only to leave them running (detach).</summary>
    private void RequestQuit()
    {
        var running = _panes.Count(p => p.Screen is { IsRunning: true });
        if (running == 0 || _session.ReadOnly)
        {
            if (_session.ReadOnly)
                Detach();
            else
                StopHost();
            return;
        }
        var remote = RunningOnRemoteHosts();
        var lines = new List<StyledLine> { StyledLine.Of(" Quit FleetTui?", TextRole.Accent), StyledLine.Of("") };
        if (remote.Count == 0)
        {
            lines.Add(StyledLine.Of($"  {running} agent{(running == 1 ? " is" : "s are")} still running.", TextRole.Warning));
            lines.Add(StyledLine.Of("  d  detach: leave them running (fleet attach comes back)"));
            lines.Add(StyledLine.Of($"  s  stop {(running == 1 ? "it" : "them")} and the fleet host"));
        }
        else
        {
            var hosts = string.Join(", ", remote.Keys);
            var where = string.Join(", ", remote.Select(h => $"{h.Value} on {h.Key}"));
            lines.Add(StyledLine.Of($"  Agents still running: {running - remote.Values.Sum()} here, {where}.", TextRole.Warning));
            lines.Add(StyledLine.Of("  d  detach: leave them all running (fleet attach comes back)"));
            lines.Add(StyledLine.Of($"  s  stop this machine's agents and fleet host ({hosts} go on)"));
            lines.Add(StyledLine.Of($"  a  stop all: here and on {hosts}"));
        }
        foreach (var down in _session.RemoteHosts.Where(h => !h.Status.IsConnected && h.Status.Phase != Hosts.HostLinkPhase.Stopped))
            lines.Add(StyledLine.Of($"  {down.Name} is {down.Status.Describe(_time.GetUtcNow())}: its agents go on whatever you pick.", TextRole.Muted));
        lines.Add(StyledLine.Of("  Worktrees and branches stay as they are either way."));
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of(remote.Count == 0 ? "  d detach · s stop · any other key cancel" : "  d detach · s stop here · a stop all · any other key cancel", TextRole.Muted));
        ShowOverlay(lines, key =>
        {
            CloseOverlay();
            switch (GuiKeyTranslator.ToChord(key)?.Key)
            {
                case "d" or "D":
                    Detach();
                    break;
                case "s" or "S" or "y" or "Y":
                    StopHost();
                    break;
                case "a" or "A" when remote.Count > 0:
                    StopEverywhere();
                    break;
            }
            return true;
        });
    }

    /// <summary>Running agents per connected remote host (sidebar order), from the panes the cockpit shows.</summary>
    private SortedDictionary<string, int> RunningOnRemoteHosts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var host in _session.RemoteHosts.Where(h => h.Status.IsConnected))
        {
            var running = _panes.Count(p => host.Tasks.Contains(p.Task.Name) && p.Screen is { IsRunning: true });
            if (running > 0)
                counts[host.Name] = running;
        }
        return counts;
    }

    /// <summary>Stops every remote host first, then this one: a refusal there leaves this machine's host running, and says so.</summary>
    private void StopEverywhere()
    {
        Exit = CockpitExit.Stopped;
        ShowOverlay([StyledLine.Of(" Stopping the agents and fleet hosts of every host…", TextRole.Accent)], _ => true);
        _session.StopRemoteHostsAsync().ContinueWith(t => _app.Invoke(() =>
        {
            if (!t.IsCompletedSuccessfully || !t.Result.Succeeded)
            {
                Exit = CockpitExit.Detached;
                ShowMessage(" Could not stop every remote host",
                    t.IsCompletedSuccessfully ? t.Result : CommandResult.Failed(t.Exception?.GetBaseException().Message ?? "cancelled"));
                return;
            }
            StopHost();
        }), TaskScheduler.Default);
    }

    private void StopHost()
    {
        Exit = CockpitExit.Stopped;
        ShowOverlay([StyledLine.Of(" Stopping the agents and the fleet host…", TextRole.Accent)], _ => true);
        _session.StopHostAsync().ContinueWith(t => _app.Invoke(() =>
        {
            if (t.IsCompletedSuccessfully && !t.Result.Succeeded)
            {
                Exit = CockpitExit.Detached;
                ShowMessage(" Could not stop the fleet host", t.Result);
                return;
            }
            _app.RequestStop();
        }), TaskScheduler.Default);
    }

    /// <summary>An outcome worth reading (a refusal): its message and details until any key.</summary>
    private void ShowMessage(string title, CommandResult result)
    {
        var lines = new List<StyledLine> { StyledLine.Of(title, TextRole.Accent), StyledLine.Of("") };
        lines.Add(StyledLine.Of("  " + result.Message, result.Succeeded ? TextRole.Success : TextRole.Warning));
        lines.AddRange(result.Details.Take(12).Select(d => StyledLine.Of("    " + d, TextRole.Warning)));
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of("  any key closes this", TextRole.Muted));
        ShowOverlay(lines, _ =>
        {
            CloseOverlay();
            return true;
        });
    }

    private void ConfirmDestroy(string task)
    {
        ShowOverlay([StyledLine.Of($" Destroy {task}?", TextRole.Accent), StyledLine.Of("  Checking what would be lost…", TextRole.Muted)], key =>
        {
            CloseOverlay();
            return true;
        });
        _session.DescribeLossAsync(task).ContinueWith(t => _app.Invoke(() =>
        {
            if (_overlayKeys is null)
                return; // the user already closed it
            var losses = t.IsCompletedSuccessfully ? t.Result.Lines : [$"could not check: {t.Exception?.GetBaseException().Message}"];
            var lines = new List<StyledLine> { StyledLine.Of($" Destroy {task}?", TextRole.Accent), StyledLine.Of("") };
            lines.Add(losses.Count == 0
                ? StyledLine.Of("  Nothing would be lost: no uncommitted or ignored files, no unmerged commits.", TextRole.Success)
                : StyledLine.Of("  This would be lost (commits are kept under refs/fleet/rescued/):", TextRole.Warning));
            lines.AddRange(losses.Take(12).Select(l => StyledLine.Of("    " + l, TextRole.Warning)));
            if (losses.Count > 12)
                lines.Add(StyledLine.Of($"    … and {losses.Count - 12} more", TextRole.Warning));
            lines.Add(StyledLine.Of(""));
            lines.Add(StyledLine.Of("  y destroy · any other key cancel", TextRole.Muted));
            ShowOverlay(lines, key =>
            {
                CloseOverlay();
                if (GuiKeyTranslator.ToChord(key) is { Key: "y" or "Y" } && t.IsCompletedSuccessfully)
                    _session.DestroyTaskAsync(task, t.Result).ContinueWith(destroy => _app.Invoke(() =>
                    {
                        if (destroy.IsCompletedSuccessfully && !destroy.Result.Succeeded)
                            ShowMessage($" {task} was not destroyed", destroy.Result);
                    }), TaskScheduler.Default);
                return true;
            });
        }), TaskScheduler.Default);
    }

    private void ShowNewTaskForm()
    {
        var form = new NewTaskForm([.. _session.RemoteHosts.Select(h => h.Name)]);
        ShowOverlay(form.Lines(60), key =>
        {
            var chord = GuiKeyTranslator.ToChord(key);
            switch (chord?.Key)
            {
                case "esc":
                    CloseOverlay();
                    return true;
                case "tab" when chord.Value.Shift:
                    form.Previous();
                    break;
                case "tab":
                    form.Next();
                    break;
                case "backspace":
                    form.Backspace();
                    break;
                case "up":
                    form.PickHost(-1);
                    break;
                case "down":
                    form.PickHost(1);
                    break;
                case "enter":
                    if (form.Submit() is { } request)
                    {
                        CloseOverlay();
                        _session.CreateTaskAsync(request).ContinueWith(create => _app.Invoke(() =>
                        {
                            if (!create.IsCompletedSuccessfully)
                                ShowMessage($" {request.Name} was not created", CommandResult.Failed(create.Exception?.GetBaseException().Message ?? "cancelled"));
                            else if (!create.Result.Succeeded)
                                ShowMessage($" {request.Name} was not created", create.Result);
                        }), TaskScheduler.Default);
                        return true;
                    }
                    break;
                default:
                    if (GuiKeyTranslator.ToKeyInput(key) is { Key: FleetTui.Terminal.Input.Key.Character, Modifiers: KeyModifiers.None } input)
                        form.Type(input.Character.ToString());
                    break;
            }
            _overlay.Lines = form.Lines(_overlay.Frame.Width);
            return true;
        });
    }

    private void ShowOverlay(IReadOnlyList<StyledLine> lines, Func<GuiKey, bool> keys)
    {
        _rerenderOverlay = null;
        _overlay.Lines = lines;
        _overlayKeys = keys;
        _mode = CockpitMode.Dialog;
        _dispatcher.Reset();
        _overlay.Visible = true;
        PlaceOverlay();
    }

    /// <summary>
    /// Shows text that may be taller than the screen (the help), made for the room there is (<paramref name="lines"/> gets
    /// the width): j/k, arrows, PgDn/PgUp, Space and g/G scroll it when it does not fit; any other key closes it.
    /// </summary>
    private void ShowScrollableOverlay(Func<int, IReadOnlyList<StyledLine>> lines)
    {
        var top = 0;
        IReadOnlyList<StyledLine> all = [];
        int Height() => Math.Max(1, _app.Screen.Height - 2);
        void Render()
        {
            var width = OverlayTextWidth();
            all = lines(width);
            _overlay.Lines = [.. ScrolledLines.Window(all, top, Height()).Select(line => line.Fit(width))];
        }
        Render();
        ShowOverlay(_overlay.Lines, key =>
        {
            var page = Math.Max(1, Height() - 1);
            if (ScrolledLines.ScrollTarget(GuiKeyTranslator.ToChord(key)?.Key, top, page) is not { } next || all.Count <= Height())
            {
                CloseOverlay();
                return true;
            }
            top = ScrolledLines.ClampTop(all.Count, next, Height());
            Render();
            PlaceOverlay();
            return true;
        });
        _rerenderOverlay = () =>
        {
            Render();
            PlaceOverlay();
        };
    }

    /// <summary>The widest text an overlay may hold: the screen less a margin each side and one blank column inside.</summary>
    private int OverlayTextWidth() => Math.Max(1, _app.Screen.Width - 5);

    private void PlaceOverlay()
    {
        var screen = _app.Screen;
        var width = Math.Min(screen.Width - 4, Math.Max(50, _overlay.Lines.Max(l => l.Text.Length) + 4));
        // Lines longer than the room are cut with "…" (a cut word would look like the pane's text running on).
        var room = Math.Max(1, width - 1);
        if (_overlay.Lines.Any(l => l.Text.Length > room))
            _overlay.Lines = [.. _overlay.Lines.Select(l => l.Fit(room))];
        var height = Math.Min(screen.Height - 2, _overlay.Lines.Count + 1);
        var frame = new Rectangle(Math.Max(0, (screen.Width - width) / 2), Math.Max(0, (screen.Height - height) / 2), Math.Max(1, width), Math.Max(1, height));
        if (frame != _overlayFrame)
        {
            // Cells the overlay covered before and leaves now are Terminal.Gui's blanks: what is under them repaints in full
            // (a pane would otherwise repaint only the rows its program changed in the same frame).
            _overlayFrame = frame;
            foreach (var pane in _panes)
                pane.Invalidate();
            _sidebar.SetNeedsDraw();
            _mergePanel.SetNeedsDraw();
            _statusBar.SetNeedsDraw();
        }
        _overlay.X = frame.X;
        _overlay.Y = frame.Y;
        _overlay.Width = frame.Width;
        _overlay.Height = frame.Height;
        _overlay.SetNeedsDraw();
    }

    private void CloseOverlay()
    {
        _overlayFrame = Rectangle.Empty;
        _overlay.Visible = false;
        _overlayKeys = null;
        _rerenderOverlay = null;
        _mode = _merge.HasKeyboard ? CockpitMode.MergePanel : CockpitMode.Normal;
        // The overlay covered parts of the panes and panels: repaint them in full.
        foreach (var pane in _panes)
            pane.Invalidate();
        _sidebar.SetNeedsDraw();
        _mergePanel.SetNeedsDraw();
        RefreshChrome();
    }

    public bool IsOverlayVisible => _overlay.Visible;

    // ---- the merge-order panel (its behaviour is MergePanelController's) ------------------------------------------------

    /// <summary>The panel's controller (selection, actions), for tests and the status line.</summary>
    public MergePanelController MergePanel => _merge;

    private void EnterMergePanel()
    {
        if (!_mergePanelVisible)
        {
            _mergePanelVisible = true;
            ApplyLayout();
        }
        _merge.TakeKeyboard();
        _mode = CockpitMode.MergePanel;
    }

    private void LeaveMergePanel()
    {
        _merge.ReleaseKeyboard();
        if (_mode == CockpitMode.MergePanel)
            _mode = CockpitMode.Normal;
    }

    /// <summary>The panel's single keys first, then the global ones (prefix commands work here too); nothing reaches a pane.</summary>
    private bool HandleMergePanelKey(GuiKey key)
    {
        if (GuiKeyTranslator.ToChord(key) is not { } chord)
            return true;
        if (!_dispatcher.IsAwaitingNextKey && _mergePanelKeys.Feed(chord) is KeyDispatchResult.Run panel)
        {
            if (!_merge.Run(panel.Command))
                Run(panel.Command);
            if (!_merge.HasKeyboard)
                LeaveMergePanel();
            return true;
        }
        if (_dispatcher.Feed(chord) is KeyDispatchResult.Run global)
            Run(global.Command);
        return true;
    }

    SessionSnapshot IMergePanelHost.Snapshot => _session.Snapshot;

    int IMergePanelHost.ScreenHeight => _app.Screen.Height;

    string? IMergePanelHost.RestartAgentKey => _dispatcher.Keymap.FirstKeyText(UiCommand.RestartAgent);

    void IMergePanelHost.ShowOverlay(IReadOnlyList<StyledLine> lines, Func<GuiKey, bool> keys) => ShowOverlay(lines, keys);

    void IMergePanelHost.CloseOverlay() => CloseOverlay();

    void IMergePanelHost.FocusTask(string task)
    {
        var index = _panes.FindIndex(p => p.Task.Name == task);
        if (index >= 0)
            Focus(index);
    }

    void IMergePanelHost.ConfirmDestroy(string task) => ConfirmDestroy(task);

    void IMergePanelHost.ReviewTask(string task) => OpenReview(task);

    void IMergePanelHost.Post(Action action) => _app.Invoke(action);

    void IMergePanelHost.Refresh() => RefreshChrome();

    /// <summary>The text a search is typing (shown in the status bar).</summary>
    public string SearchText => _search;

    public void Dispose()
    {
        _app.Keyboard.KeyDown -= OnKeyDown;
        if (_clockTimer is not null)
            _app.RemoveTimeout(_clockTimer);
        StopHostLinkClock();
        _session.ScreensChanged -= OnScreensChanged;
        _session.SnapshotChanged -= OnSnapshotChanged;
        _session.Merges.ActivityChanged -= OnMergeActivityChanged;
    }
}
