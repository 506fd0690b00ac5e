using System.Text;
using FleetTui.Core.Review;

namespace FleetTui.Cli;

/// <summary>
/// A task's diff as <c>fleet diff</c> prints it: a summary of files with their +/− counts, then each file's hunks, with
/// added and removed lines coloured and the changed words inside a replaced line highlighted (ANSI, only for a terminal).
/// </summary>
public static class DiffText
{
    private const string Reset = "\e[0m";
    private const string Green = "\e[32m";
    private const string Red = "\e[31m";
    private const string Cyan = "\e[36m";
    private const string Bold = "\e[1m";
    private const string Highlight = "\e[7m"; // reverse video: the words that changed

    public static string Render(TaskDiffText diff, bool color)
    {
        var files = UnifiedDiff.Parse(diff.Text);
        var text = new StringBuilder();
        text.Append(Paint($"{diff.Branch} against {diff.BaseBranch} (since {diff.MergeBase[..Math.Min(10, diff.MergeBase.Length)]}): ", Bold, color));
        text.AppendLine(files.Count == 0 ? "no changes" : $"{files.Count} file{(files.Count == 1 ? "" : "s")}, +{files.Sum(f => f.Added)} −{files.Sum(f => f.Removed)}");
        var width = files.Count == 0 ? 0 : files.Max(f => f.Path.Length);
        foreach (var file in files)
            text.AppendLine($"  {file.Path.PadRight(width)}  {Paint($"+{file.Added}", Green, color)} {Paint($"−{file.Removed}", Red, color)}{Status(file)}");
        foreach (var file in files)
        {
            text.AppendLine();
            text.AppendLine(Paint($"── {file.Path}{Status(file)}", Bold, color));
            if (file.Binary)
                text.AppendLine("   (binary file)");
            foreach (var hunk in file.Hunks)
            {
                text.AppendLine(Paint(hunk.Header, Cyan, color));
                foreach (var line in hunk.Lines)
                    text.AppendLine(Line(line, color));
            }
        }
        return text.ToString();
    }

    private static string Status(DiffFile file) => file.Status switch
    {
        DiffFileStatus.Added => " (new)",
        DiffFileStatus.Deleted => " (deleted)",
        DiffFileStatus.Renamed => $" (renamed from {file.OldPath})",
        _ => "",
    };

    private static string Line(DiffLine line, bool color)
    {
        var (marker, paint) = line.Kind switch
        {
            DiffLineKind.Added => ("+", Green),
            DiffLineKind.Removed => ("-", Red),
            DiffLineKind.Note => ("", ""),
            _ => (" ", ""),
        };
        if (!color || paint.Length == 0)
            return marker + line.Text;
        if (line.Changed.Count == 0)
            return paint + marker + line.Text + Reset;
        var text = new StringBuilder(paint).Append(marker);
        var at = 0;
        foreach (var (start, length) in line.Changed)
        {
            text.Append(line.Text, at, start - at).Append(Highlight).Append(line.Text, start, length).Append(Reset).Append(paint);
            at = start + length;
        }
        return text.Append(line.Text, at, line.Text.Length - at).Append(Reset).ToString();
    }

    private static string Paint(string text, string code, bool color) => color ? code + text + Reset : text;
}
