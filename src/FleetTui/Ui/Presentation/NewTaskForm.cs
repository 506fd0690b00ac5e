using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// The new-task form as a small pure state machine: four fields (five with remote hosts: where the task lives),
/// Tab/Shift+Tab to move, typing edits the active one, Up/Down pick a host, Enter submits when the name is set and the
/// host is one fleet.toml declares. The view only paints <see cref="Lines"/>.
/// </summary>
public sealed class NewTaskForm
{
    private const int HostField = 4;

    private readonly string[] _values;
    private readonly IReadOnlyList<string> _hosts;

    /// <param name="hosts">The remote hosts' names (<c>[hosts.&lt;name&gt;]</c>); none: no Host field.</param>
    public NewTaskForm(IReadOnlyList<string>? hosts = null)
    {
        _hosts = hosts ?? [];
        _values = _hosts.Count == 0 ? ["", "", "", ""] : ["", "", "", "", ""];
    }

    public IReadOnlyList<string> Labels => _values.Length > HostField ? ["Name", "Base", "Depends on", "Agent", "Host"] : ["Name", "Base", "Depends on", "Agent"];

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

    /// <summary>On the Host field: the next (or previous) host, then back to none (this machine, or where fleet.toml declares the task).</summary>
    public void PickHost(int step)
    {
        if (Active != HostField)
            return;
        var choices = new List<string> { "" };
        choices.AddRange(_hosts);
        var at = choices.IndexOf(_values[HostField].Trim());
        _values[HostField] = choices[((at < 0 ? 0 : at) + step + choices.Count) % choices.Count];
        Error = null;
    }

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
        var host = _values.Length > HostField ? Optional(_values[HostField]) : null;
        if (host is not null && !_hosts.Contains(host))
        {
            Error = $"no host '{host}': fleet.toml declares {string.Join(", ", _hosts)} (Up/Down picks one)";
            Active = HostField;
            return null;
        }
        var dependsOn = _values[2].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new NewTaskRequest(name, Optional(_values[1]), dependsOn, Optional(_values[3]), host);
    }

    public IReadOnlyList<StyledLine> Lines(int width)
    {
        var lines = new List<StyledLine> { StyledLine.Of(" New task", TextRole.Accent), StyledLine.Of("") };
        var labels = Labels;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = $"  {labels[i],-11}";
            var value = _values[i] + (i == Active ? "▏" : "");
            if (i == HostField && _values[i].Length == 0 && i != Active)
                value = "this machine (or as fleet.toml declares)";
            lines.Add(new StyledLine([new StyledRun(label, TextRole.Muted), new StyledRun(value, i == Active ? TextRole.Selected : TextRole.Normal)]));
        }
        lines.Add(StyledLine.Of(""));
        lines.Add(Error is not null
            ? StyledLine.Of("  " + Error, TextRole.Error)
            : Active == HostField
                ? StyledLine.Of($"  Up/Down pick a host ({string.Join(", ", _hosts)}) · Enter create · Esc cancel", TextRole.Muted)
                : StyledLine.Of("  Tab next field · Enter create · Esc cancel", TextRole.Muted));
        return lines;
    }
}
