using FleetTui.Ui.Keys;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>
/// Pure: the help overlay, generated from the keymap so it can never disagree with the keys. Like lazygit, it shows the
/// keys of where the keyboard is: the global ones, or a panel's own.
/// </summary>
public static class HelpPresenter
{
    public static IReadOnlyList<StyledLine> Lines(Keymap keymap, KeyScope scope = KeyScope.Global)
    {
        var lines = new List<StyledLine>
        {
            StyledLine.Of(scope switch
            {
                KeyScope.MergePanel => " Merge-order panel keys — select a task, then act. Global prefix keys still work.",
                _ => $" FleetTui keys — prefix {keymap.Prefix}, then a key. Every other key goes to the focused pane.",
            }, TextRole.Accent),
            StyledLine.Of(""),
        };
        var bindings = keymap.Bindings.Where(b => b.Scope == scope && b.Keys.Count > 0).ToList();
        var width = bindings.Count == 0 ? 0 : bindings.Max(b => string.Join(", ", b.Keys).Length);
        foreach (var binding in bindings)
        {
            var keys = string.Join(", ", binding.Keys).PadRight(width);
            lines.Add(new StyledLine([new StyledRun($"  {keys}  ", TextRole.Accent), new StyledRun(binding.Description, TextRole.Normal)]));
        }
        lines.Add(StyledLine.Of(""));
        if (scope == KeyScope.Global && keymap.FirstKeyText(UiCommand.FocusMergePanel) is { } panelKey)
            lines.Add(StyledLine.Of($"  In the merge-order panel ({panelKey}), ? lists its own keys.", TextRole.Muted));
        lines.Add(StyledLine.Of("  Press any key to close.", TextRole.Muted));
        return lines;
    }
}
