using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// The new-task form as a small pure state machine: four fields, Tab/Shift+Tab to move, typing edits the active one,
/// Enter submits when the name is set. The view only paints <see cref="Lines"/>.
/// </summary>
public sealed class NewTaskForm
{
    public static readonly IReadOnlyList<string> Labels = ["Name", "Base", "Depends on", "Agent"];

    private readonly string[] _values = ["", "", "", ""];

    public int Active { get; private set; }

    public string? Error { get; private set; }

    public string Value(int field) => _values[field];

    public void Type(string text)
    {
        _values[Active] += text;
        Error = null;
    }

    public void Backspace()
    {
        if (_values[Active].Length > 0)
            _values[Active] = _values[Active][..^1];
    }

    public void Next() => Active = (Active + 1) % _values.Length;

    public void Previous() => Active = (Active + _values.Length - 1) % _values.Length;

    /// <summary>The request, or null with <see cref="Error"/> set when the form is not complete.</summary>
    public NewTaskRequest? Submit()
    {
        var name = _values[0].Trim();
        if (name.Length == 0)
        {
            Error = "a task needs a name";
            Active = 0;
            return null;
        }
        static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var dependsOn = _values[2].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new NewTaskRequest(name, Optional(_values[1]), dependsOn, Optional(_values[3]));
    }

    public IReadOnlyList<StyledLine> Lines(int width)
    {
        var lines = new List<StyledLine> { StyledLine.Of(" New task", TextRole.Accent), StyledLine.Of("") };
        for (var i = 0; i < Labels.Count; i++)
        {
            var label = $"  {Labels[i],-11}";
            var value = _values[i] + (i == Active ? "▏" : "");
            lines.Add(new StyledLine([new StyledRun(label, TextRole.Muted), new StyledRun(value, i == Active ? TextRole.Selected : TextRole.Normal)]));
        }
        lines.Add(StyledLine.Of(""));
        lines.Add(Error is null
            ? StyledLine.Of("  Tab next field · Enter create · Esc cancel", TextRole.Muted)
            : StyledLine.Of("  " + Error, TextRole.Error));
        return lines;
    }
}
