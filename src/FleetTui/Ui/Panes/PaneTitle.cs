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

    /// <summary>
    /// A service shown in its task's pane: <c> 2 feat-01 · web :3002 up </c>, its state as the host reports it (an exit is in it:
    /// <c>web :3002 exited (exit 1)</c>). <paramref name="now"/> counts down a restart's backoff.
    /// </summary>
    public static string ComposeService(int number, TaskSnapshot task, string service, DateTimeOffset now, int width)
    {
        var state = task.Services.FirstOrDefault(s => s.Name == service)?.Describe(now) ?? $"{service} stopped";
        var text = $" {number} {task.Name} · {state} ";
        return text.Length <= width ? text : text[..Math.Max(0, width)];
    }
}
