using FleetTui.Core.Merging;
using FleetTui.Core.Review;
using FleetTui.Core.Session;
using FleetTui.Host.Merging;
using FleetTui.Ui.Keys;
using FleetTui.Ui.Review;
using FleetTui.Ui.Views;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Ui.Cockpit;

/// <summary>
/// The review view: a task's diff over the whole screen, with its gate, scope and predicted conflicts; comments go back
/// to its agent, approval marks it done. The host reads the diff (git); the view opens when it arrives.
/// </summary>
public sealed partial class FleetApp
{
    private ReviewController? _review;

    /// <summary>The review open now, or null (tests drive and read it).</summary>
    public ReviewController? OpenedReview => _review;

    private void OpenReview(string task)
    {
        ShowStatusMessage($"reading {task}'s diff…");
        _session.ReadDiffAsync(task).ContinueWith(read => _app.Invoke(() =>
        {
            if (_overlayKeys is not null)
                return; // another dialog took the screen meanwhile
            if (!read.IsCompletedSuccessfully || read.Result is not { } diff)
            {
                ShowStatusMessage(read.IsCompletedSuccessfully
                    ? $"{task} has no branch to review yet"
                    : $"could not read {task}'s diff: {read.Exception?.GetBaseException().Message}");
                return;
            }
            ClearStatusMessage();
            ShowReview(task, diff);
        }), TaskScheduler.Default);
    }

    private void ShowReview(string task, TaskDiffText diff)
    {
        var snapshot = _session.Snapshot.FindTask(task);
        var model = new ReviewModel(task, diff, ContextOf(snapshot, _session.Snapshot, _session.Merges.Activity));
        ReviewController? controller = null;
        controller = new ReviewController(model, (verdict, comments, note, mergeNow) => _session.ReviewAsync(task, verdict, comments, note, mergeNow),
            action => _app.Invoke(() =>
            {
                action();
                if (_review == controller)
                    RenderReview();
            }));
        controller.Reviewed += (verdict, result) =>
        {
            // Approved or sent back: the human's part is over; the outcome stays in the status bar.
            if (result.Succeeded && verdict != ReviewVerdict.Changes && _review == controller)
            {
                CloseReview();
                ShowStatusMessage(model.Message ?? result.Message);
            }
        };
        _review = controller;
        ShowOverlay(ReviewLines(), ReviewKey);
        _rerenderOverlay = RenderReview;
    }

    private int ReviewHeight() => Math.Max(6, _app.Screen.Height - 3);

    private IReadOnlyList<StyledLine> ReviewLines() =>
        _review is { } review ? ReviewPresenter.Lines(review.Model, OverlayTextWidth(), ReviewHeight(), review.InputLine) : [];

    private void RenderReview()
    {
        _overlay.Lines = ReviewLines();
        PlaceOverlay();
    }

    private bool ReviewKey(GuiKey key)
    {
        if (_review is not { } review)
            return true;
        var chord = GuiKeyTranslator.ToChord(key);
        if (chord is { Ctrl: true } or { Alt: true })
            return true;
        var typed = GuiKeyTranslator.ToKeyInput(key) is { Key: FleetTui.Terminal.Input.Key.Character } input ? input.Character.ToString() : null;
        if (review.InputLine is null && chord?.Key == "l")
        {
            ShowReviewGateLog(review.Model.Task);
            return true;
        }
        if (!review.Key(chord?.Key, typed, ReviewPresenter.BodyHeight(ReviewHeight())))
        {
            CloseReview();
            return true;
        }
        RenderReview();
        return true;
    }

    private void CloseReview()
    {
        _review = null;
        CloseOverlay();
    }

    /// <summary>The gate's log over the review; any key returns to the review where it was.</summary>
    private void ShowReviewGateLog(string task)
    {
        if (_session.Snapshot.FindTask(task)?.Gate.LogPath is not { } path)
        {
            _review!.Model.Message = $"{task} has no gate log yet (the merge panel's g runs its gate)";
            RenderReview();
            return;
        }
        var review = _review;
        _session.Merges.ReadLogAsync(path, Math.Max(3, ReviewHeight() - 4)).ContinueWith(read => _app.Invoke(() =>
        {
            if (_review != review)
                return;
            var lines = new List<StyledLine> { StyledLine.Of($" Gate log of {task}", TextRole.Accent), StyledLine.Of($"  {path}", TextRole.Muted) };
            lines.AddRange(read.IsCompletedSuccessfully
                ? read.Result.Select(l => StyledLine.Of("  " + l))
                : [StyledLine.Of($"  could not read it: {read.Exception?.GetBaseException().Message}", TextRole.Error)]);
            lines.Add(StyledLine.Of("  any key returns to the review", TextRole.Muted));
            _overlay.Lines = lines;
            PlaceOverlay();
            _overlayKeys = _ =>
            {
                _overlayKeys = ReviewKey;
                RenderReview();
                return true;
            };
        }), TaskScheduler.Default);
    }

    /// <summary>What the review shows beside the diff, from what the cockpit already knows (no I/O).</summary>
    private static ReviewContext ContextOf(TaskSnapshot? task, SessionSnapshot snapshot, MergeActivity activity)
    {
        if (task is null)
            return new ReviewContext("unknown", null, [], []);
        var gate = task.Gate.Outcome switch
        {
            GateOutcome.Passed => $"passed (run {task.Gate.RunNumber})",
            GateOutcome.Failed => $"FAILED (run {task.Gate.RunNumber}, l shows its log)",
            GateOutcome.TimedOut => $"timed out (run {task.Gate.RunNumber}, l shows its log)",
            GateOutcome.Running => "running",
            GateOutcome.NoGate => "none configured",
            _ => "not run yet (it runs before the merge)",
        };
        var conflicts = new List<string>();
        if (task.ReviewConflicts.Count > 0)
            conflicts.Add($"merging it conflicted in {string.Join(", ", task.ReviewConflicts.Take(5))}{(task.ReviewConflicts.Count > 5 ? ", …" : "")}");
        if (MergePlanner.PlanFor(snapshot, activity.Conflicts).Entries.FirstOrDefault(e => e.Name == task.Name)?.Readiness is MergeReadiness.ConflictsPredicted predicted)
            conflicts.Add(predicted.Why);
        return new ReviewContext(gate, task.Gate.LogPath, task.Status?.OutOfScope ?? [], conflicts);
    }
}
