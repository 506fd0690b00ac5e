using FleetTui.Core.Review;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Review;

/// <summary>
/// Pure: the review view as lines for a screen of <c>width</c> x <c>height</c>: a header (task, counts, gate, scope,
/// conflicts), then only the diff rows in view (however long the diff, a frame costs its height), each comment under its
/// line, and a footer with the keys or the line being typed.
/// </summary>
public static class ReviewPresenter
{
    public const int HeaderLines = 3;
    public const int FooterLines = 2;

    /// <summary>Diff rows that fit between header and footer (comments take rows of their own, so this is an upper bound).</summary>
    public static int BodyHeight(int height) => Math.Max(1, height - HeaderLines - FooterLines);

    public static IReadOnlyList<StyledLine> Lines(ReviewModel model, int width, int height, string? input)
    {
        width = Math.Max(20, width);
        var files = model.Rows.Files;
        var lines = new List<StyledLine>
        {
            StyledLine.Of(Fit($" Review {model.Task} · {model.Diff.Branch} against {model.Diff.BaseBranch} · {files.Count} file{(files.Count == 1 ? "" : "s")} " +
                              $"+{files.Sum(f => f.Added)} −{files.Sum(f => f.Removed)} · {model.Comments.Count} comment{(model.Comments.Count == 1 ? "" : "s")}", width), TextRole.Accent),
            StyledLine.Of(Fit($"  gate: {model.Context.Gate}" +
                              (model.Context.OutOfScope.Count > 0 ? $" · outside its scope: {string.Join(", ", model.Context.OutOfScope)}" : "") +
                              (model.Context.Conflicts.Count > 0 ? $" · {string.Join("; ", model.Context.Conflicts)}" : ""), width),
                model.Context.OutOfScope.Count > 0 || model.Context.Conflicts.Count > 0 ? TextRole.Warning : TextRole.Muted),
            StyledLine.Of(""),
        };
        var room = BodyHeight(height);
        if (model.Rows.Rows.Count == 0)
            lines.Add(StyledLine.Of("  No committed changes against the base: nothing to review.", TextRole.Muted));
        for (var index = model.Top; index < model.Rows.Rows.Count && lines.Count < HeaderLines + room; index++)
        {
            var row = model.Rows.Rows[index];
            lines.Add(Row(model, row, index == model.Cursor, width));
            if (row is { Kind: DiffRowKind.Line, Number: { } number } && model.CommentAt((files[row.File].Path, number)) is { } comment && lines.Count < HeaderLines + room)
                lines.Add(StyledLine.Of(Fit($"        ✎ {comment}", width), TextRole.Warning));
        }
        while (lines.Count < height - FooterLines)
            lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of(model.Message is { } message ? Fit($"  {message}", width) : "", TextRole.Warning));
        lines.Add(input is not null
            ? StyledLine.Of(Fit($"  {input}█", width), TextRole.Accent)
            : StyledLine.Of(Fit("  j/k move · ]/[ file · }/{ hunk · / search n/N · c comment · s send comments · a approve · A approve+merge · x reject · l gate log · q close", width), TextRole.Muted));
        return lines;
    }

    private static StyledLine Row(ReviewModel model, DiffRow row, bool selected, int width)
    {
        var file = model.Rows.Files[row.File];
        if (row.Kind == DiffRowKind.File)
            return StyledLine.Of(Fit($"{(selected ? "›" : " ")}── {file.Path} (+{file.Added} −{file.Removed}){Status(file)}", width), selected ? TextRole.Selected : TextRole.Accent);
        if (row.Kind == DiffRowKind.Hunk)
            return StyledLine.Of(Fit($"{(selected ? "›" : " ")}   {file.Hunks[row.Hunk].Header}", width), selected ? TextRole.Selected : TextRole.Muted);
        var line = row.Line!;
        var number = line.NewNumber ?? line.OldNumber;
        var gutter = $"{(selected ? "›" : " ")}{(number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),5} {Marker(line.Kind)} ";
        var role = selected ? TextRole.Selected : line.Kind switch
        {
            DiffLineKind.Added => TextRole.Success,
            DiffLineKind.Removed => TextRole.Error,
            DiffLineKind.Note => TextRole.Muted,
            _ => TextRole.Normal,
        };
        var runs = new List<StyledRun> { new(gutter, selected ? TextRole.Selected : TextRole.Muted) };
        var text = line.Text.Replace('\t', ' ');
        var at = 0;
        foreach (var (start, length) in line.Changed)
        {
            if (start > at)
                runs.Add(new StyledRun(text[at..start], role));
            runs.Add(new StyledRun(text.Substring(start, Math.Min(length, text.Length - start)), TextRole.Selected));
            at = start + length;
        }
        if (at < text.Length)
            runs.Add(new StyledRun(text[at..], role));
        return Cut(new StyledLine(runs), width);
    }

    private static string Marker(DiffLineKind kind) => kind switch { DiffLineKind.Added => "+", DiffLineKind.Removed => "-", _ => " " };

    private static string Status(DiffFile file) => file.Status switch
    {
        DiffFileStatus.Added => " new",
        DiffFileStatus.Deleted => " deleted",
        DiffFileStatus.Renamed => $" renamed from {file.OldPath}",
        _ => "",
    };

    private static StyledLine Cut(StyledLine line, int width)
    {
        var runs = new List<StyledRun>();
        var used = 0;
        foreach (var run in line.Runs)
        {
            if (used >= width)
                break;
            var text = run.Text.Length > width - used ? run.Text[..(width - used)] : run.Text;
            runs.Add(run with { Text = text });
            used += text.Length;
        }
        return new StyledLine(runs);
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
