using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>Pure: the ticket overlay, the task's ticket text word-wrapped to the overlay and scrolled by <c>offset</c> lines.</summary>
public static class TicketPresenter
{
    /// <summary>Lines of the header, a window of the wrapped text, and the key hints; at most <paramref name="maxLines"/> in all.</summary>
    public static IReadOnlyList<StyledLine> Lines(string task, TaskTicket? ticket, int width, int maxLines, ref int offset)
    {
        width = Math.Max(10, width);
        var lines = new List<StyledLine> { StyledLine.Of(Fit($" Ticket of {task}", width), TextRole.Accent) };
        if (ticket is null)
        {
            lines.Add(StyledLine.Of(""));
            lines.Add(StyledLine.Of("  This task has no ticket or prompt (set ticket = \"…\" or prompt = \"…\" in fleet.toml).", TextRole.Muted));
            lines.Add(StyledLine.Of(""));
            lines.Add(StyledLine.Of("  any key close", TextRole.Muted));
            return lines;
        }

        lines.Add(StyledLine.Of(Fit($"  {ticket.Source}", width), TextRole.Muted));
        lines.Add(StyledLine.Of(""));
        var body = Wrap(ticket.Text, width - 4);
        var room = Math.Max(1, maxLines - lines.Count - 2);
        offset = Math.Clamp(offset, 0, Math.Max(0, body.Count - room));
        lines.AddRange(body.Skip(offset).Take(room).Select(l => StyledLine.Of("  " + l)));
        lines.Add(StyledLine.Of(""));
        var position = body.Count > room ? $"lines {offset + 1}-{Math.Min(body.Count, offset + room)} of {body.Count} · " : "";
        lines.Add(StyledLine.Of(Fit($"  {position}↑↓ PgUp PgDn scroll · q/Esc close", width), TextRole.Muted));
        return lines;
    }

    /// <summary>Word-wraps each line of <paramref name="text"/> to <paramref name="width"/> columns (a longer word is cut).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        width = Math.Max(1, width);
        var wrapped = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\t', ' ').Split('\n'))
        {
            var line = raw.TrimEnd();
            var indent = line.Length - line.TrimStart().Length;
            while (line.Length > width)
            {
                var cut = line.LastIndexOf(' ', width);
                if (cut <= indent)
                    cut = width;
                wrapped.Add(line[..cut].TrimEnd());
                line = line[cut..].TrimStart();
            }
            wrapped.Add(line);
        }
        return wrapped;
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
