using FleetTui.Ui.Keys;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class HelpPresenterTests
{
    [Fact]
    public void Lists_every_binding_with_the_nine_pane_jumps_on_one_line()
    {
        var text = HelpPresenter.Lines(Keymap.Default()).Select(l => l.Text).ToList();

        text.ShouldContain(l => l.Contains("Alt+1..9, Ctrl+G 1..9") && l.EndsWith("Focus pane 1..9"));
        text.ShouldNotContain(l => l.Contains("Focus pane 2"));
        text.ShouldContain(l => l.Contains("Ctrl+G a") && l.EndsWith("Focus the next task needing attention"));
        text.Count.ShouldBe(Keymap.Default().Bindings.Count - 8 + 4);
    }

    [Fact]
    public void Lists_pane_jumps_one_by_one_when_the_user_rebound_one_of_them()
    {
        var keymap = Keymap.Default();
        keymap = keymap.Rebind(UiCommand.FocusPane3, [KeySequence.TryParse("f3", keymap.Prefix, out _)!]);

        var text = HelpPresenter.Lines(keymap).Select(l => l.Text).ToList();

        text.ShouldContain(l => l.Contains("F3") && l.EndsWith("Focus pane 3"));
        text.ShouldContain(l => l.EndsWith("Focus pane 2"));
    }
}
