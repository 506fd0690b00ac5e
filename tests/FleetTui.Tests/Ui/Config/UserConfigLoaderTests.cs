using FleetTui.Ui.Presentation;
using FleetTui.Core.Config;
using FleetTui.Ui.Config;
using FleetTui.Ui.Keys;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Config;

public class UserConfigLoaderTests
{
    [Fact]
    public void Reads_the_theme_the_prefix_and_rebound_commands()
    {
        var config = UserConfigLoader.Parse("""
            theme = "light"
            [keys]
            prefix = "ctrl+a"
            zoom = ["prefix f", "alt+z"]
            quit = "prefix Q"
            """);

        config.Theme.ShouldBe("light");
        config.Keymap.Prefix.ShouldBe(new KeyChord("a", Ctrl: true));
        var dispatcher = new KeyDispatcher(config.Keymap);
        dispatcher.Feed(new KeyChord("z", Alt: true)).ShouldBe(new KeyDispatchResult.Run(UiCommand.Zoom));
        dispatcher.Feed(new KeyChord("a", Ctrl: true));
        dispatcher.Feed(new KeyChord("z")).ShouldBeOfType<KeyDispatchResult.Unbound>();
        dispatcher.Feed(new KeyChord("a", Ctrl: true));
        dispatcher.Feed(new KeyChord("b")).ShouldBe(new KeyDispatchResult.Run(UiCommand.ToggleSidebar));
    }

    [Fact]
    public void Merge_panel_keys_are_rebound_by_name_and_a_panel_key_may_repeat_a_global_one()
    {
        var config = UserConfigLoader.Parse("""
            [keys]
            merge_all_ready = "A"
            focus_merge_panel = "alt+m"
            zoom = "alt+z"
            run_gate = "z"
            """);

        var panel = new KeyDispatcher(config.Keymap, KeyScope.MergePanel);
        panel.Feed(new KeyChord("A")).ShouldBe(new KeyDispatchResult.Run(UiCommand.MergeAllReady));
        panel.Feed(new KeyChord("M")).ShouldBe(KeyDispatchResult.Pass);
        panel.Feed(new KeyChord("z")).ShouldBe(new KeyDispatchResult.Run(UiCommand.RunGate));
        new KeyDispatcher(config.Keymap).Feed(new KeyChord("m", Alt: true)).ShouldBe(new KeyDispatchResult.Run(UiCommand.FocusMergePanel));
    }

    [Fact]
    public void Two_merge_panel_commands_on_one_key_are_refused() =>
        Should.Throw<ConfigException>(() => UserConfigLoader.Parse("""
            [keys]
            merge_next = "x"
            """)).Message.ShouldContain("'x' is bound to both");

    [Fact]
    public void An_empty_file_gives_the_defaults() =>
        UserConfigLoader.Parse("").Keymap.Prefix.ShouldBe(Keymap.DefaultPrefix);

    [Fact]
    public void A_missing_file_gives_the_defaults() =>
        UserConfigLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "config.toml")).ShouldBe(UserConfig.Default);

    [Theory]
    [InlineData("colour = \"x\"", "config.toml:1:1: unknown key 'colour'")]
    [InlineData("[keys]\nzoom = \"prefix z\"\nzom = \"prefix y\"", "config.toml:3:1: unknown command 'zom'")]
    [InlineData("[keys]\nzoom = [\"prefix z\", \"hyper+z\"]", "config.toml:2:21: unknown modifier 'hyper'")]
    [InlineData("[keys]\nzoom = \"prefix b\"", "'Ctrl+G b' is bound to both")]
    [InlineData("[keys]\nprefix = 3", "config.toml:2:10: 'prefix' must be a string")]
    [InlineData("[colors]\nx = 1", "config.toml:2:1: unknown table [colors]")]
    [InlineData("theme = ", "config.toml:1:")]
    [InlineData("[keys]\nzoom = \"ctrl+g\"", "is the prefix key")]
    public void Rejects_bad_config_with_file_line_and_column(string text, string expected) =>
        Should.Throw<ConfigException>(() => UserConfigLoader.Parse(text)).Message.ShouldContain(expected);

    [Fact]
    public void Finds_the_config_under_xdg_config_home_or_home()
    {
        UserConfigLoader.DefaultPath(name => name == "XDG_CONFIG_HOME" ? "/x" : "/home/u").ShouldBe("/x/fleet/config.toml");
        UserConfigLoader.DefaultPath(name => name == "HOME" ? "/home/u" : null).ShouldBe("/home/u/.config/fleet/config.toml");
    }

    [Fact]
    public void Reads_which_alerts_go_to_the_outer_terminal_per_event()
    {
        var config = UserConfigLoader.Parse("[notify]\nwaiting = [\"bell\", \"osc9\"]\nexited = \"osc777\"\n");

        config.Notify.For(AttentionKind.Waiting).ShouldBe([OuterAlert.Bell, OuterAlert.Osc9]);
        config.Notify.For(AttentionKind.Exited).ShouldBe([OuterAlert.Osc777]);
    }

    [Fact]
    public void Reads_every_kind_of_attention()
    {
        var config = UserConfigLoader.Parse("[notify]\nstuck = \"osc9\"\nreview = [\"osc9\"]\ngate_failed = \"bell\"\nconflict = [\"osc777\"]\nwaiting = []\n");

        config.Notify.For(AttentionKind.Stuck).ShouldBe([OuterAlert.Osc9]);
        config.Notify.For(AttentionKind.Review).ShouldBe([OuterAlert.Osc9]);
        config.Notify.For(AttentionKind.GateFailed).ShouldBe([OuterAlert.Bell]);
        config.Notify.For(AttentionKind.Conflict).ShouldBe([OuterAlert.Osc777]);
        config.Notify.For(AttentionKind.Waiting).ShouldBeEmpty();
    }

    [Fact]
    public void Rings_the_bell_for_waiting_and_nothing_else_unless_asked()
    {
        UserConfigLoader.Parse("").Notify.ShouldBe(NotifySettings.Default);
        UserConfig.Default.Notify.For(AttentionKind.Waiting).ShouldBe([OuterAlert.Bell]);
        foreach (var kind in Enum.GetValues<AttentionKind>().Where(k => k != AttentionKind.Waiting))
            UserConfig.Default.Notify.For(kind).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_kind_of_attention_is_refused_at_its_position()
    {
        Should.Throw<FleetTui.Core.Config.ConfigException>(() => UserConfigLoader.Parse("[notify]\nlunch = \"bell\"\n")).Message.ShouldContain("2:1");
    }

    [Theory]
    [InlineData("[notify]\nwaiting = [\"bel\"]", "config.toml:2:12: unknown alert 'bel' in [notify] waiting (known: bell, osc9, osc777)")]
    [InlineData("[notify]\nfinished = []", "config.toml:2:1: unknown key 'finished' in [notify]")]
    [InlineData("[notify]\nwaiting = 1", "config.toml:2:")]
    public void Rejects_bad_notify_settings_with_file_line_and_column(string text, string expected) =>
        Should.Throw<ConfigException>(() => UserConfigLoader.Parse(text)).Message.ShouldContain(expected);

    [Fact]
    public void Claude_hooks_are_off_unless_enabled()
    {
        UserConfigLoader.Parse("").ClaudeHooks.ShouldBeFalse();
        UserConfigLoader.Parse("[hooks]\nclaude = true\n").ClaudeHooks.ShouldBeTrue();
        Should.Throw<ConfigException>(() => UserConfigLoader.Parse("[hooks]\nclaude = \"yes\"")).Message.ShouldContain("config.toml:2:10: 'claude' must be true or false");
    }

    [Fact]
    public void Reads_the_detection_timings_in_milliseconds()
    {
        var detection = UserConfigLoader.Parse("[detection]\ndebounce_ms = 250\nhook_override_ms = 1000\nquiet_ms = 5000\n").Detection;

        detection.Debounce.ShouldBe(TimeSpan.FromMilliseconds(250));
        detection.HookOverride.ShouldBe(TimeSpan.FromSeconds(1));
        detection.QuietAfter.ShouldBe(TimeSpan.FromSeconds(5));
        UserConfigLoader.Parse("").Detection.ShouldBe(FleetTui.Core.Agents.AgentStateDetectorOptions.Default);
        Should.Throw<ConfigException>(() => UserConfigLoader.Parse("[detection]\ndebounce_ms = -1")).Message
            .ShouldContain("config.toml:2:15: 'debounce_ms' must be between 0 and 60000 (got -1)");
    }
}
