using FleetTui.Core.Session;

namespace FleetTui.Ui.Panes;

/// <summary>
/// Pure: what a pane with no terminal says, one string per row: the task's state and, when its worktree could not be created,
/// why (wrapped to the pane) and the key that tries again.
/// </summary>
public static class PanePlaceholder
{
    public static IReadOnlyList<string> Lines(TaskSnapshot task, int width, string? retryKey)
    {
        var lines = new List<string> { "", $"  {TaskStateText.Describe(task)}" };
        if (task.Phase != TaskPhase.Pending || task.Note is not { } why)
            return lines;
        lines.Add("");
        lines.AddRange(Wrap(why, Math.Max(10, width - 4)).Select(line => "  " + line));
        if (retryKey is not null)
        {
            lines.Add("");
            lines.Add($"  {retryKey} tries again.");
        }
        return lines;
    }

    /// <summary>A service pane with no terminal: the service's state and how to start it.</summary>
    public static IReadOnlyList<string> ServiceLines(TaskSnapshot task, string service)
    {
        var state = task.Services.FirstOrDefault(s => s.Name == service);
        return
        [
            "",
            $"  {state?.Describe(DateTimeOffset.UtcNow) ?? $"{service} stopped"}",
            "",
            $"  fleet services start {task.Name} {service}",
        ];
    }

    /// <summary>Greedy word wrap; a word longer than the width is cut into pieces.</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                while (rest.Length > 0)
                {
                    var room = line.Length == 0 ? width : width - line.Length - 1;
                    if (rest.Length <= room)
                    {
                        line = line.Length == 0 ? rest : $"{line} {rest}";
                        rest = "";
                    }
                    else if (line.Length > 0)
                    {
                        yield return line;
                        line = "";
                    }
                    else
                    {
                        yield return rest[..width];
                        rest = rest[width..];
                    }
                }
            }
            yield return line;
        }
    }
}
