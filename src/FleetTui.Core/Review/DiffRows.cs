namespace FleetTui.Core.Review;

/// <summary>A diff flattened into the rows a reviewer scrolls, with where each file and hunk starts (for ]/[ and }/{).</summary>
public sealed class DiffRows
{
    private DiffRows(IReadOnlyList<DiffFile> files, List<DiffRow> rows, List<int> fileStarts, List<int> hunkStarts)
    {
        Files = files;
        Rows = rows;
        FileStarts = fileStarts;
        HunkStarts = hunkStarts;
    }

    public IReadOnlyList<DiffFile> Files { get; }

    public IReadOnlyList<DiffRow> Rows { get; }

    /// <summary>The row index of each file's header, in order.</summary>
    public IReadOnlyList<int> FileStarts { get; }

    /// <summary>The row index of each hunk's header, in order.</summary>
    public IReadOnlyList<int> HunkStarts { get; }

    public static DiffRows Of(IReadOnlyList<DiffFile> files)
    {
        var rows = new List<DiffRow>(files.Sum(f => 1 + f.Hunks.Sum(h => 1 + h.Lines.Count)));
        var fileStarts = new List<int>();
        var hunkStarts = new List<int>();
        for (var f = 0; f < files.Count; f++)
        {
            fileStarts.Add(rows.Count);
            rows.Add(new DiffRow(DiffRowKind.File, f, -1, null));
            for (var h = 0; h < files[f].Hunks.Count; h++)
            {
                hunkStarts.Add(rows.Count);
                rows.Add(new DiffRow(DiffRowKind.Hunk, f, h, null));
                foreach (var line in files[f].Hunks[h].Lines)
                    rows.Add(new DiffRow(DiffRowKind.Line, f, h, line));
            }
        }
        return new DiffRows(files, rows, fileStarts, hunkStarts);
    }

    /// <summary>The first start after <paramref name="row"/> (or the last one before it, going back), or <paramref name="row"/> when there is none.</summary>
    public static int Next(IReadOnlyList<int> starts, int row, bool forward)
    {
        if (forward)
        {
            foreach (var start in starts)
                if (start > row)
                    return start;
            return row;
        }
        for (var i = starts.Count - 1; i >= 0; i--)
            if (starts[i] < row)
                return starts[i];
        return row;
    }

    /// <summary>The next row (after <paramref name="row"/>, wrapping) whose text contains <paramref name="text"/>, or null.</summary>
    public int? Find(string text, int row, bool forward = true)
    {
        if (text.Length == 0 || Rows.Count == 0)
            return null;
        for (var step = 1; step <= Rows.Count; step++)
        {
            var index = ((forward ? row + step : row - step) % Rows.Count + Rows.Count) % Rows.Count;
            if (TextOf(Rows[index]).Contains(text, StringComparison.OrdinalIgnoreCase))
                return index;
        }
        return null;
    }

    public string TextOf(DiffRow row) => row.Kind switch
    {
        DiffRowKind.File => Files[row.File].Path,
        DiffRowKind.Hunk => Files[row.File].Hunks[row.Hunk].Header,
        _ => row.Line!.Text,
    };
}
