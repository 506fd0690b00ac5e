using FleetTui.Ui.Keys;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Keys;

public class KeyDispatcherTests
{
    private static readonly KeyChord CtrlG = new("g", Ctrl: true);

    [Fact]
    public void Passes_ordinary_keys_through_to_the_pane()
    {
        var dispatcher = new KeyDispatcher(Keymap.Default());

        dispatcher.Feed(new KeyChord("z")).ShouldBe(KeyDispatchResult.Pass);
        dispatcher.Feed(new KeyChord("c", Ctrl: true)).ShouldBe(KeyDispatchResult.Pass);
    }

    [Fact]
    public void Runs_a_command_after_the_prefix()
    {
        var dispatcher = new KeyDispatcher(Keymap.Default());

        dispatcher.Feed(CtrlG).ShouldBe(KeyDispatchResult.Awaiting);
        dispatcher.IsAwaitingNextKey.ShouldBeTrue();
        dispatcher.Feed(new KeyChord("z")).ShouldBe(new KeyDispatchResult.Run(UiCommand.Zoom));
        dispatcher.IsAwaitingNextKey.ShouldBeFalse();
        dispatcher.Feed(new KeyChord("z")).ShouldBe(KeyDispatchResult.Pass);
    }

    [Fact]
    public void Jumps_to_a_pane_on_alt_and_a_digit_without_a_prefix() =>
        new KeyDispatcher(Keymap.Default()).Feed(new KeyChord("2", Alt: true)).ShouldBe(new KeyDispatchResult.Run(UiCommand.FocusPane2));

    [Fact]
    public void Swallows_an_unbound_key_after_the_prefix()
    {
        var dispatcher = new KeyDispatcher(Keymap.Default());
        dispatcher.Feed(CtrlG);

        dispatcher.Feed(new KeyChord("y")).ShouldBeOfType<KeyDispatchResult.Unbound>();
        dispatcher.Feed(new KeyChord("y")).ShouldBe(KeyDispatchResult.Pass);
    }

    [Fact]
    public void Sends_the_prefix_itself_when_it_is_pressed_twice()
    {
        var dispatcher = new KeyDispatcher(Keymap.Default());
        dispatcher.Feed(CtrlG);

        dispatcher.Feed(CtrlG).ShouldBe(new KeyDispatchResult.Run(UiCommand.SendPrefix));
    }

    [Fact]
    public void Follows_a_configured_prefix()
    {
        var ctrlA = new KeyChord("a", Ctrl: true);
        var dispatcher = new KeyDispatcher(Keymap.Default(ctrlA));

        dispatcher.Feed(CtrlG).ShouldBe(KeyDispatchResult.Pass);
        dispatcher.Feed(ctrlA).ShouldBe(KeyDispatchResult.Awaiting);
        dispatcher.Feed(new KeyChord("q")).ShouldBe(new KeyDispatchResult.Run(UiCommand.Quit));
    }

    [Fact]
    public void Every_command_has_a_key_and_a_description()
    {
        var keymap = Keymap.Default();
        foreach (var command in Enum.GetValues<UiCommand>())
        {
            var binding = keymap.Bindings.FirstOrDefault(b => b.Command == command).ShouldNotBeNull($"{command} has no binding");
            binding.Keys.ShouldNotBeEmpty();
            binding.Description.ShouldNotBeNullOrWhiteSpace();
        }
        keymap.Bindings.SelectMany(b => b.Keys.Select(k => (b.Scope, k))).GroupBy(k => k).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public void A_panel_key_runs_only_in_its_panel_scope()
    {
        var keymap = Keymap.Default();
        var global = new KeyDispatcher(keymap);
        var panel = new KeyDispatcher(keymap, KeyScope.MergePanel);

        global.Feed(new KeyChord("n")).ShouldBe(KeyDispatchResult.Pass);
        panel.Feed(new KeyChord("n")).ShouldBe(new KeyDispatchResult.Run(UiCommand.MergeNext));
        panel.Feed(new KeyChord("M")).ShouldBe(new KeyDispatchResult.Run(UiCommand.MergeAllReady));
        global.Feed(Keymap.DefaultPrefix).ShouldBe(KeyDispatchResult.Awaiting);
        global.Feed(new KeyChord("M")).ShouldBe(new KeyDispatchResult.Run(UiCommand.FocusMergePanel));
    }

    [Fact]
    public void Rebinding_a_command_bound_in_two_scopes_changes_only_its_first_scope()
    {
        var keymap = Keymap.Default().Rebind(UiCommand.Help, [KeySequence.Of(new KeyChord("f1"))]);

        keymap.Find(UiCommand.Help)!.Keys.ShouldBe([KeySequence.Of(new KeyChord("f1"))]);
        keymap.Find(UiCommand.Help, KeyScope.MergePanel)!.Keys.ShouldBe([KeySequence.Of(new KeyChord("?"))]);
    }
}
