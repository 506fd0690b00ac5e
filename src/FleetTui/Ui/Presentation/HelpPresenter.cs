using FleetTui.Ui.Keys;
using FleetTui.Ui.Views;

namespace FleetTui.Ui.Presentation;

/// <summary>Pure: the help overlay, generated from the keymap so it can never disagree with the keys.</summary>
public static class HelpPresenter
{
    public static IReadOnlyList<StyledLine> Lines(Keymap keymap)
    {
        var lines = new List<StyledLine>
        {
            StyledLine.Of($" FleetTui keys — prefix {keymap.Prefix}, then a key. Every other key goes to the focused pane.", TextRole.Accent),
            StyledLine.Of(""),
        };
        var width = keymap.Bindings.Where(b => b.Keys.Count > 0).Max(b => string.Join(", ", b.Keys).Length);
        foreach (var binding in keymap.Bindings)
        {
            if (binding.Keys.Count == 0)
                continue;
            var keys = string.Join(", ", binding.Keys).PadRight(width);
            lines.Add(new StyledLine([new StyledRun($"  {keys}  ", TextRole.Accent), new StyledRun(binding.Description, TextRole.Normal)]));
        }
        lines.Add(StyledLine.Of(""));
        lines.Add(StyledLine.Of("  Press any key to close.", TextRole.Muted));
        return lines;
    }
}
