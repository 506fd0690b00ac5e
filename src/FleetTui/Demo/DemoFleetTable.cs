using System.Text;

namespace FleetTui.Demo;

/// <summary>The demo fleet as a plain table: task, branch, depends on, agent, prompt.</summary>
public static class DemoFleetTable
{
    public static string Render()
    {
        string[] header = ["TASK", "BRANCH", "DEPENDS ON", "AGENT", "PROMPT"];
        var rows = DemoFleet.Tasks.Select(t => new[]
        {
            t.Name, t.Branch, t.DependsOn.Count == 0 ? "-" : string.Join(",", t.DependsOn), $"fleet demo-agent {t.Name}", t.Prompt,
        }).ToList();
        var widths = header.Select((h, column) => rows.Select(r => r[column].Length).Append(h.Length).Max()).ToArray();
        var table = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            table.Append(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column])))).Append('\n');
        return table.ToString();
    }
}
