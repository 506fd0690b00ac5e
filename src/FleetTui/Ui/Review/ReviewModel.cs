using FleetTui.Core.Review;

namespace FleetTui.Ui.Review;

/// <summary>
/// The review view's state (lazygit's "context"): the task's diff as rows, where the cursor and the view are, the search,
/// and the comments written so far (not sent yet). Pure: the controller changes it, the presenter draws it.
/// </summary>
public sealed class ReviewModel(string task, TaskDiffText diff, ReviewContext context)
{
    private readonly Dictionary<(string File, int Line), string> _comments = [];

    public string Task { get; } = task;

    public TaskDiffText Diff { get; } = diff;

    public ReviewContext Context { get; } = context;

    public DiffRows Rows { get; } = DiffRows.Of(UnifiedDiff.Parse(diff.Text));

    public int Cursor { get; private set; }

    public int Top { get; private set; }

    public string Search { get; set; } = "";

    /// <summary>One line of news for the user ("sent 3 comments", "no more matches"), until the next key.</summary>
    public string? Message { get; set; }

    public IReadOnlyList<ReviewComment> Comments =>
        [.. _comments.OrderBy(c => c.Key.File, StringComparer.Ordinal).ThenBy(c => c.Key.Line).Select(c => new ReviewComment(c.Key.File, c.Key.Line, c.Value))];

    /// <summary>The file and line number a comment on the cursor's row refers to, or null on a header.</summary>
    public (string File, int Line)? CursorPlace =>
        Rows.Rows.Count > 0 && Rows.Rows[Cursor] is { Kind: DiffRowKind.Line, Number: { } number } row ? (Rows.Files[row.File].Path, number) : null;

    public string? CommentAt((string File, int Line) place) => _comments.GetValueOrDefault(place);

    /// <summary>Sets (or, with empty text, removes) the comment on a line.</summary>
    public void SetComment((string File, int Line) place, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            _comments.Remove(place);
        else
            _comments[place] = text.Trim();
    }

    public void ClearComments() => _comments.Clear();

    /// <summary>Moves the cursor to <paramref name="row"/> (clamped) and scrolls so it stays within a view of <paramref name="height"/> rows.</summary>
    public void MoveTo(int row, int height)
    {
        Cursor = Math.Clamp(row, 0, Math.Max(0, Rows.Rows.Count - 1));
        height = Math.Max(1, height);
        if (Cursor < Top)
            Top = Cursor;
        else if (Cursor >= Top + height)
            Top = Cursor - height + 1;
        Top = Math.Clamp(Top, 0, Math.Max(0, Rows.Rows.Count - height));
    }
}
