using FleetTui.Core.Review;
using FleetTui.Core.Session;

namespace FleetTui.Ui.Review;

/// <summary>
/// The review view's behaviour (lazygit's controller): keys move through the diff, search it, write comments, and send
/// them, approve or reject through the session. Never waits: an action returns at once and its outcome arrives through
/// <see cref="Reviewed"/>. Keys arrive as chord names (<c>j</c>, <c>pagedown</c>, <c>enter</c>) and typed characters,
/// so it is tested without a terminal.
/// </summary>
/// <param name="post">Runs an action on the UI thread (outcomes arrive on others; the model is the UI thread's).</param>
public sealed class ReviewController(
    ReviewModel model, Func<ReviewVerdict, IReadOnlyList<ReviewComment>, string?, bool, Task<CommandResult>> review, Action<Action> post)
{
    private InputKind _input;
    private string _typed = "";
    private (string File, int Line)? _commentPlace;

    public ReviewModel Model => model;

    /// <summary>Raised on the UI thread with the outcome of a send, an approval or a rejection.</summary>
    public event Action<ReviewVerdict, CommandResult>? Reviewed;

    /// <summary>What the footer shows while the user types (a search, a comment, a reason), or null.</summary>
    public string? InputLine => _input switch
    {
        InputKind.Search => $"/{_typed}",
        InputKind.Comment when _commentPlace is { } place => $"comment on {place.File}:{place.Line} (Enter saves, empty removes, Esc cancels): {_typed}",
        InputKind.Reject => $"why is it not ready? (Enter rejects and tells the agent, Esc cancels): {_typed}",
        _ => null,
    };

    /// <summary>Handles one key; false when the view should close.</summary>
    public bool Key(string? chord, string? typed, int bodyHeight)
    {
        if (_input != InputKind.None)
            return Type(chord, typed, bodyHeight);
        model.Message = null;
        var rows = model.Rows;
        switch (chord)
        {
            case "j" or "down": model.MoveTo(model.Cursor + 1, bodyHeight); break;
            case "k" or "up": model.MoveTo(model.Cursor - 1, bodyHeight); break;
            case "pagedown" or "space": model.MoveTo(model.Cursor + bodyHeight - 1, bodyHeight); break;
            case "pageup": model.MoveTo(model.Cursor - bodyHeight + 1, bodyHeight); break;
            case "g" or "home": model.MoveTo(0, bodyHeight); break;
            case "G" or "end": model.MoveTo(rows.Rows.Count - 1, bodyHeight); break;
            case "]": model.MoveTo(DiffRows.Next(rows.FileStarts, model.Cursor, forward: true), bodyHeight); break;
            case "[": model.MoveTo(DiffRows.Next(rows.FileStarts, model.Cursor, forward: false), bodyHeight); break;
            case "}": model.MoveTo(DiffRows.Next(rows.HunkStarts, model.Cursor, forward: true), bodyHeight); break;
            case "{": model.MoveTo(DiffRows.Next(rows.HunkStarts, model.Cursor, forward: false), bodyHeight); break;
            case "/": Begin(InputKind.Search, ""); break;
            case "n": FindNext(forward: true, bodyHeight); break;
            case "N": FindNext(forward: false, bodyHeight); break;
            case "c" or "enter":
                if (model.CursorPlace is { } place)
                {
                    _commentPlace = place;
                    Begin(InputKind.Comment, model.CommentAt(place) ?? "");
                }
                else
                    model.Message = "comments go on a line of the diff: move to one (j/k)";
                break;
            case "s":
                if (model.Comments.Count == 0)
                    model.Message = "no comments to send: c on a line writes one";
                else
                    Send(ReviewVerdict.Changes, null, approveAndMerge: false);
                break;
            case "a": Send(ReviewVerdict.Approved, null, approveAndMerge: false); break;
            case "A": Send(ReviewVerdict.Approved, null, approveAndMerge: true); break;
            case "x": Begin(InputKind.Reject, ""); break;
            case "q" or "esc": return false;
        }
        return true;
    }

    private bool Type(string? chord, string? typed, int bodyHeight)
    {
        switch (chord)
        {
            case "esc":
                _input = InputKind.None;
                return true;
            case "backspace":
                if (_typed.Length > 0)
                    _typed = _typed[..^1];
                return true;
            case "enter":
                var kind = _input;
                _input = InputKind.None;
                if (kind == InputKind.Search)
                {
                    model.Search = _typed;
                    FindNext(forward: true, bodyHeight);
                }
                else if (kind == InputKind.Comment && _commentPlace is { } place)
                {
                    model.SetComment(place, _typed);
                    model.Message = _typed.Trim().Length == 0 ? $"comment on {place.File}:{place.Line} removed" : $"comment on {place.File}:{place.Line} kept ({model.Comments.Count} to send with s)";
                }
                else if (kind == InputKind.Reject)
                    Send(ReviewVerdict.Rejected, _typed.Trim().Length == 0 ? "It does not do what the ticket asks." : _typed.Trim(), approveAndMerge: false);
                return true;
        }
        if (typed is { Length: > 0 })
            _typed += typed;
        return true;
    }

    private void Begin(InputKind kind, string text)
    {
        _input = kind;
        _typed = text;
    }

    private void FindNext(bool forward, int bodyHeight)
    {
        if (model.Search.Length == 0)
        {
            model.Message = "/ searches first";
            return;
        }
        if (model.Rows.Find(model.Search, model.Cursor, forward) is { } match)
            model.MoveTo(match, bodyHeight);
        else
            model.Message = $"no match for \"{model.Search}\"";
    }

    private void Send(ReviewVerdict verdict, string? note, bool approveAndMerge)
    {
        var comments = model.Comments;
        model.Message = verdict switch
        {
            ReviewVerdict.Changes => $"sending {comments.Count} comment{(comments.Count == 1 ? "" : "s")} to {model.Task}'s agent…",
            ReviewVerdict.Approved => approveAndMerge ? $"approving {model.Task} and merging it…" : $"approving {model.Task}…",
            _ => $"sending {model.Task} back to its agent…",
        };
        review(verdict, comments, note, approveAndMerge).ContinueWith(t => post(() =>
        {
            var result = t.IsCompletedSuccessfully ? t.Result : CommandResult.Failed(t.Exception?.GetBaseException().Message ?? "failed");
            if (result.Succeeded && verdict != ReviewVerdict.Approved)
                model.ClearComments();
            model.Message = result.Succeeded
                ? verdict switch
                {
                    ReviewVerdict.Changes => $"sent {comments.Count} comment{(comments.Count == 1 ? "" : "s")} to {model.Task}'s agent",
                    ReviewVerdict.Approved => $"{model.Task} approved",
                    _ => $"{model.Task} sent back to its agent",
                }
                : result.Message;
            Reviewed?.Invoke(verdict, result);
        }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private enum InputKind { None, Search, Comment, Reject }
}
