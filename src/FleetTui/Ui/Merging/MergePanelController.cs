using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Merging;

/// <summary>
/// The merge-order panel's behaviour (lazygit's controller): a selected task, and the panel's commands turned into merge-driver
/// actions or cockpit overlays. It never waits on git: every action returns at once, progress and results come back through
/// <see cref="IMergeDriver.Activity"/>. Refusals it can tell without git ("nothing is ready") show as a notice in the panel.
/// </summary>
public sealed class MergePanelController(IMergeDriver driver, IMergePanelHost host, Keymap keymap)
{
    private string? _selected;
    private (string Text, bool Failed)? _notice;

    /// <summary>The panel has the keyboard (its single-key commands apply).</summary>
    public bool HasKeyboard { get; private set; }

    public string? Selected => _selected;

    public MergePlan Plan() => MergeOrderPresenter.Plan(host.Snapshot, driver.Activity.Conflicts);

    public void TakeKeyboard()
    {
        HasKeyboard = true;
        var plan = Plan();
        if (_selected is null || plan.Find(_selected) is null)
            _selected = (plan.Next ?? plan.Entries.FirstOrDefault(e => e.Readiness is not MergeReadiness.Merged) ?? plan.Entries.FirstOrDefault())?.Name;
    }

    public void ReleaseKeyboard() => HasKeyboard = false;

    public IReadOnlyList<StyledLine> Lines(int width, int height = int.MaxValue)
    {
        var activity = driver.Activity;
        if (_notice is { } notice)
            activity = activity with { LastResult = notice.Text, LastResultFailed = notice.Failed };
        return MergeOrderPresenter.Lines(Plan(), activity, _selected, HasKeyboard, HasKeyboard ? Hints() : null, width, height);
    }

    private string Hints() => string.Join(" · ", new[]
    {
        Hint(UiCommand.MergeNext, "next"),
        Hint(UiCommand.MergeAllReady, "all"),
        Hint(UiCommand.RunGate, "gate"),
        Hint(UiCommand.ReviewTask, "review"),
        Hint(UiCommand.OpenReview, "open"),
        Hint(UiCommand.Help, "keys"),
    }.OfType<string>());

    private string? Hint(UiCommand command, string label) =>
        keymap.FirstKeyText(command, KeyScope.MergePanel) is { } key ? $"{key} {label}" : null;

    /// <summary>The snapshot with gates this cockpit is running shown as running (the session records a gate when it ends).</summary>
    public SessionSnapshot WithLiveGates(SessionSnapshot snapshot)
    {
        var activity = driver.Activity;
        if (!snapshot.Tasks.Any(t => activity.IsGateRunning(t.Name)))
            return snapshot;
        return snapshot with
        {
            Tasks = snapshot.Tasks.Select(t => activity.IsGateRunning(t.Name) ? t with { Gate = t.Gate with { Outcome = GateOutcome.Running } } : t).ToList(),
        };
    }

    /// <summary>Runs a merge-panel command; false when it is not one (the cockpit handles it).</summary>
    public bool Run(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.SelectNextTask:
                MoveSelection(+1);
                return true;
            case UiCommand.SelectPreviousTask:
                MoveSelection(-1);
                return true;
            case UiCommand.LeavePanel:
                ReleaseKeyboard();
                return true;
            case UiCommand.MergeNext or UiCommand.MergeAllReady or UiCommand.MergeSelected when driver.Activity.Running is { } running:
                // A second run queued behind this one would only plan "nothing ready" and hide this run's summary.
                Notice($"Still {running}; wait for it to finish.", failed: true);
                return true;
            case UiCommand.MergeNext:
                if (Plan().Next is { } next)
                    Start(driver.MergeAsync([next.Name]));
                else
                    Notice("Nothing is ready to merge.", failed: true);
                return true;
            case UiCommand.MergeAllReady:
                if (Plan().Next is null)
                    Notice("Nothing is ready to merge.", failed: true);
                else
                    Start(driver.MergeAsync(null));
                return true;
            case UiCommand.MergeSelected:
                WithSelected(task => Start(driver.MergeAsync([task.Name])));
                return true;
            case UiCommand.RunGate:
                WithSelected(task =>
                {
                    if (HasWorktree(task))
                        Start(driver.RunGateAsync(task.Name));
                    else
                        Notice($"{task.Name} has no worktree to run a gate in.", failed: true);
                });
                return true;
            case UiCommand.ShowGateLog:
                WithSelected(ShowGateLog);
                return true;
            case UiCommand.OpenReview:
                WithSelected(OpenReview);
                return true;
            case UiCommand.ReviewTask:
                WithSelected(task => host.ReviewTask(task.Name));
                return true;
            case UiCommand.RetryReview:
                WithSelected(task =>
                {
                    if (task.Phase == TaskPhase.Review)
                        Start(driver.RetryAsync(task.Name));
                    else
                        Notice($"{task.Name} is not in review.", failed: true);
                });
                return true;
            case UiCommand.MarkDone:
                WithSelected(task =>
                {
                    if (task.Phase == TaskPhase.Active)
                        Start(driver.MarkDoneAsync(task.Name));
                    else
                        Notice($"{task.Name} is {TaskPhaseWord(task)}: nothing to mark done.", failed: true);
                });
                return true;
            case UiCommand.AcceptScope:
                WithSelected(task =>
                {
                    if (task.Status?.OutOfScope is { Count: > 0 } && !task.ScopeAccepted)
                        Start(driver.AcceptScopeAsync(task.Name));
                    else
                        Notice($"{task.Name} has no files outside its scope to accept.", failed: true);
                });
                return true;
            case UiCommand.DropTask:
                WithSelected(task =>
                {
                    if (HasWorktree(task))
                        host.ConfirmDestroy(task.Name);
                    else
                        Notice($"{task.Name} has no worktree to drop.", failed: true);
                });
                return true;
            default:
                return false;
        }
    }

    private void MoveSelection(int delta)
    {
        var names = Plan().Entries.Select(e => e.Name).ToList();
        if (names.Count == 0)
            return;
        var index = _selected is null ? -1 : names.IndexOf(_selected);
        _selected = names[Math.Clamp(index + delta, 0, names.Count - 1)];
    }

    private void WithSelected(Action<TaskSnapshot> action)
    {
        if (_selected is not null && host.Snapshot.FindTask(_selected) is { } task)
            action(task);
        else
            Notice("Select a task first (j/k).", failed: true);
    }

    private static bool HasWorktree(TaskSnapshot task) => task.Phase is TaskPhase.Active or TaskPhase.Done or TaskPhase.Review or TaskPhase.SetupFailed;

    private static string TaskPhaseWord(TaskSnapshot task) => task.Phase.ToString().ToLowerInvariant();

    private void Start(Task action)
    {
        _notice = null;
        // The driver reports its own failures through its activity; anything else reaching here is a bug worth showing.
        action.ContinueWith(t => host.Post(() =>
        {
            Notice(t.Exception!.GetBaseException().Message, failed: true);
            host.Refresh();
        }), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private void Notice(string text, bool failed) => _notice = (text, failed);

    private void ShowGateLog(TaskSnapshot task)
    {
        if (task.Gate.LogPath is not { } path)
        {
            Notice($"{task.Name} has no gate log yet (g runs its gate).", failed: true);
            return;
        }
        var room = Math.Max(3, host.ScreenHeight - 8);
        driver.ReadLogAsync(path, room).ContinueWith(read => host.Post(() =>
        {
            var lines = new List<StyledLine>
            {
                StyledLine.Of($" Gate log of {task.Name} — {GateWord(task.Gate)} (run {task.Gate.RunNumber})", TextRole.Accent),
                StyledLine.Of($"  {path}", TextRole.Muted),
                StyledLine.Of(""),
            };
            if (read.IsCompletedSuccessfully)
                lines.AddRange(read.Result.Select(l => StyledLine.Of("  " + l)));
            else
                lines.Add(StyledLine.Of($"  could not read it: {read.Exception?.GetBaseException().Message}", TextRole.Error));
            lines.Add(StyledLine.Of(""));
            lines.Add(StyledLine.Of("  any key closes", TextRole.Muted));
            host.ShowOverlay(lines, _ =>
            {
                host.CloseOverlay();
                return true;
            });
        }), TaskScheduler.Default);
    }

    private static string GateWord(GateState gate) => gate.Outcome switch
    {
        GateOutcome.Passed => "passed",
        GateOutcome.Failed => "failed",
        GateOutcome.TimedOut => "timed out",
        GateOutcome.NoGate => "no gate",
        GateOutcome.Running => "running",
        _ => "not run",
    };

    /// <summary>Focuses the task's pane and gives it the keyboard; for a task in review, first says what conflicts and what to do.</summary>
    private void OpenReview(TaskSnapshot task)
    {
        ReleaseKeyboard();
        host.FocusTask(task.Name);
        if (task.Phase != TaskPhase.Review)
            return;
        var lines = new List<StyledLine>
        {
            StyledLine.Of($" {task.Name} is in review", TextRole.Accent),
            StyledLine.Of(""),
            StyledLine.Of(task.ReviewConflicts.Count > 0
                ? $"  Merging it into {host.Snapshot.BaseBranch} conflicts in:"
                : $"  {task.Note ?? "It waits on a human."}", TextRole.Warning),
        };
        lines.AddRange(task.ReviewConflicts.Take(Math.Max(3, host.ScreenHeight - 12)).Select(p => StyledLine.Of("    " + p, TextRole.Error)));
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of($"  Nothing was changed. Ask its agent to merge or rebase on {host.Snapshot.BaseBranch}"));
        lines.Add(StyledLine.Of("  and commit; then retry it from the merge panel (r), or drop it (x)."));
        if (host.RestartAgentKey is { } restart)
            lines.Add(StyledLine.Of($"  Its agent has exited? {restart} starts it again in its worktree.", TextRole.Muted));
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of($"  any key closes this; then keys go to the pane of {task.Name}", TextRole.Muted));
        host.ShowOverlay(lines, _ =>
        {
            host.CloseOverlay();
            return true;
        });
    }
}
