using FleetTui.Core.Session;

namespace FleetTui.Ui.Panes;

/// <summary>Pure: the text of a pane's title row (<c> 2 api · fleet/api · working </c>).</summary>
public static class PaneTitle
{
    public static string Compose(int number, TaskSnapshot task, string? exitText, int width)
    {
        var state = exitText ?? TaskStateText.Describe(task);
        var text = $" {number} {task.Name} · {task.Branch} · {state} ";
        return text.Length <= width ? text : text[..Math.Max(0, width)];
    }
}
