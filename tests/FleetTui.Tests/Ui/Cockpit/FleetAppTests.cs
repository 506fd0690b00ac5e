using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Ui.Layouts;
using FleetTui.Ui.Presentation;
using FleetTui.Ui.Views;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Cockpit;

public class FleetAppTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static CockpitHarness ThreeTasks(int width = 120, int height = 30) => new(new FakeCockpitSession(
        FakeCockpitSession.Task("api"),
        FakeCockpitSession.Task("web", activity: AgentActivity.WaitingForInput),
        FakeCockpitSession.Task("docs", TaskPhase.Blocked, AgentActivity.NotStarted, "api")), width, height);

    [Fact]
    public void Shows_every_task_in_the_sidebar_and_a_titled_pane_for_each()
    {
        using var cockpit = ThreeTasks();

        var text = cockpit.Text;
        text.ShouldContain("Tasks (3) · main");
        text.ShouldContain(" 1 api · fleet/api · working");
        text.ShouldContain(" 2 web · fleet/web · waiting for input");
        text.ShouldContain(" 3 docs · fleet/docs · blocked on api");
        text.ShouldContain("!2 web");
        text.ShouldContain("1 needs attention");
    }

    [Fact]
    public void Draws_what_the_program_prints_inside_its_pane()
    {
        using var cockpit = ThreeTasks();

        cockpit.Session.Process("api").Output("hello from api\r\n\e[31mred\e[0m line");
        cockpit.Draw();

        var pane = cockpit.Fleet.Panes[0].Frame;
        var lines = cockpit.Lines();
        lines[pane.Y + 1][(pane.X + 1)..].ShouldStartWith("hello from api");
        lines[pane.Y + 2][(pane.X + 1)..].ShouldStartWith("red line");
    }

    [Fact]
    public void Mixed_text_lands_in_the_right_columns_ascii_runs_wide_characters_and_combining_marks_alike()
    {
        using var cockpit = ThreeTasks();

        // Runs of ASCII in several styles, wide CJK, a combining accent and a Devanagari consonant with its vowel sign,
        // then ASCII again to show nothing shifted.
        cockpit.Session.Process("api").Output("ab\e[1mcd\e[0m中文e\u0301|\u0915\u093E|end");
        cockpit.Draw();

        var pane = cockpit.Fleet.Panes[0].Frame;
        var contents = cockpit.App.Driver!.Contents!;
        string At(int column) => contents[pane.Y + 1, pane.X + 1 + column].Grapheme;
        string.Concat(Enumerable.Range(0, 4).Select(At)).ShouldBe("abcd");
        At(4).ShouldBe("中");
        At(6).ShouldBe("文");
        At(8).ShouldBe("e\u0301");
        At(9).ShouldBe("|");
        At(10).ShouldBe("\u0915\u093E"); // the emulator keeps the sign in its consonant's cell (zero width)
        string.Concat(Enumerable.Range(11, 4).Select(At)).ShouldBe("|end");
    }

    [Fact]
    public void Repaints_only_changed_rows_and_keeps_the_rest()
    {
        using var cockpit = ThreeTasks();
        var api = cockpit.Session.Process("api");
        api.Output("first\r\nsecond");
        cockpit.Draw();

        api.Output("\r\nthird");
        cockpit.Draw();

        var pane = cockpit.Fleet.Panes[0].Frame;
        var lines = cockpit.Lines();
        lines[pane.Y + 1][(pane.X + 1)..].ShouldStartWith("first");
        lines[pane.Y + 3][(pane.X + 1)..].ShouldStartWith("third");
    }

    [Fact]
    public void Sends_typed_keys_to_the_focused_pane_encoded_for_the_program()
    {
        using var cockpit = ThreeTasks();

        cockpit.Type("ls");
        cockpit.Press(GuiKey.Enter);
        cockpit.Press(GuiKey.C.WithCtrl);
        cockpit.Press(GuiKey.CursorUp);

        cockpit.Session.Process("api").InputText.ShouldBe("ls\r\u0003\e[A");
        cockpit.Session.Process("web").InputText.ShouldBeEmpty();
    }

    [Fact]
    public void Keeps_esc_and_tab_for_the_program_instead_of_quitting_or_moving_focus()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(GuiKey.Esc);
        cockpit.Press(GuiKey.Tab);

        cockpit.Session.Process("api").InputText.ShouldBe("\e\t");
        cockpit.Fleet.FocusedIndex.ShouldBe(0);
    }

    [Fact]
    public void Alt_and_a_digit_focuses_that_pane_and_keys_follow()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(GuiKey.D2.WithAlt);
        cockpit.Type("x");

        cockpit.Fleet.FocusedIndex.ShouldBe(1);
        cockpit.Session.Process("web").InputText.ShouldBe("x");
        cockpit.Text.ShouldContain("NORMAL │ web");
    }

    [Fact]
    public void Prefix_then_z_zooms_the_focused_pane_and_again_restores_the_tiles()
    {
        using var cockpit = ThreeTasks();
        cockpit.Press(GuiKey.D2.WithAlt);

        cockpit.Press(Prefix);
        cockpit.Text.ShouldContain("PREFIX");
        cockpit.Press(GuiKey.Z);

        cockpit.Fleet.EffectiveLayout.ShouldBe(LayoutKind.Zoom);
        cockpit.Fleet.Panes[0].Visible.ShouldBeFalse();
        cockpit.Fleet.Panes[1].Frame.Width.ShouldBe(cockpit.Fleet.CurrentPlan!.PaneArea.Width);
        cockpit.Session.Process("web").Resizes.Last().Columns.ShouldBe(cockpit.Fleet.CurrentPlan.PaneArea.Width - 1);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.Z);
        cockpit.Fleet.EffectiveLayout.ShouldBe(LayoutKind.Tiled);
        cockpit.Fleet.Panes[0].Visible.ShouldBeTrue();
        cockpit.Session.Process("web").InputText.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void The_panes_and_panels_cover_every_cell_in_every_layout_so_the_screen_is_never_cleared_first(int tasks)
    {
        using var cockpit = new CockpitHarness(new FakeCockpitSession(
            Enumerable.Range(1, tasks).Select(i => FakeCockpitSession.Task($"t{i}")).ToArray()), 157, 43);
        var root = (TiledRoot)cockpit.Fleet.Root;
        root.SubViewsCoverViewport().ShouldBeTrue("tiled");

        foreach (var (keys, state) in new[] { (new[] { GuiKey.M }, "merge panel"), ([GuiKey.B], "no sidebar"), ([GuiKey.Z], "zoomed"), ([GuiKey.Z, GuiKey.Space], "main and stack") })
        {
            foreach (var key in keys)
            {
                cockpit.Press(Prefix);
                cockpit.Press(key);
            }

            cockpit.Draw();
            root.SubViewsCoverViewport().ShouldBeTrue(state);
        }

        cockpit.Fleet.EffectiveLayout.ShouldBe(LayoutKind.MainStack);
        cockpit.Resize(101, 29);
        root.SubViewsCoverViewport().ShouldBeTrue("resized");
    }

    [Fact]
    public void Toggling_the_sidebar_gives_its_width_to_the_panes()
    {
        using var cockpit = ThreeTasks();
        var before = cockpit.Fleet.Panes[0].Frame.Width;

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.B);

        cockpit.Text.ShouldNotContain("Tasks (3)");
        cockpit.Fleet.Panes[0].Frame.Width.ShouldBeGreaterThan(before);
    }

    [Fact]
    public void The_merge_panel_shows_the_order_and_why()
    {
        using var cockpit = ThreeTasks(width: 160);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.M);

        var text = cockpit.Text;
        text.ShouldContain("Merge order");
        text.ShouldContain("waiting on api");
    }

    [Fact]
    public void Reflows_the_panes_when_the_screen_is_resized()
    {
        using var cockpit = ThreeTasks(width: 160, height: 48);
        var before = cockpit.Session.Process("api").Columns;

        cockpit.Resize(120, 40);

        cockpit.Fleet.Panes[0].Frame.Bottom.ShouldBeLessThanOrEqualTo(39);
        cockpit.Session.Process("api").Columns.ShouldBeLessThan(before);
        cockpit.Text.ShouldContain(" 1 api · fleet/api");
    }

    [Fact]
    public void The_help_overlay_lists_the_keymap_and_any_key_closes_it()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('?'));

        cockpit.Text.ShouldContain("Ctrl+G z");
        cockpit.Text.ShouldContain("Zoom the focused pane");
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Dialog);

        cockpit.Press(GuiKey.Q);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
        cockpit.Text.ShouldNotContain("Zoom the focused pane");
        cockpit.Session.Process("api").InputText.ShouldBeEmpty();
    }

    [Fact]
    public void On_a_short_screen_the_help_scrolls_to_its_last_key_and_any_other_key_closes_it()
    {
        using var cockpit = new CockpitHarness(new FakeCockpitSession(FakeCockpitSession.Task("api")), width: 120, height: 16);

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('?'));

        cockpit.Text.ShouldContain("↓");
        cockpit.Text.ShouldContain(ScrolledLines.ScrollKeys);
        cockpit.Text.ShouldNotContain("Press any key to close.");

        for (var i = 0; i < 5; i++)
            cockpit.Press(GuiKey.PageDown);
        cockpit.Text.ShouldContain("Press any key to close."); // the help's last line is reachable
        cockpit.Fleet.IsOverlayVisible.ShouldBeTrue();

        cockpit.Press(GuiKey.Q);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
        cockpit.Session.Process("api").InputText.ShouldBeEmpty();
    }

    [Fact]
    public void Quit_asks_first_while_agents_are_running()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.Q);

        cockpit.Text.ShouldContain("2 agents are still running");
        cockpit.Press(GuiKey.N);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
    }

    [Fact]
    public void Destroy_shows_what_would_be_lost_before_asking()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.X);

        Eventually(cockpit, () => cockpit.Text.Contains("uncommitted: src/api.cs"));
        cockpit.Text.ShouldContain("Destroy api?");
    }

    [Fact]
    public void The_new_task_form_collects_name_base_dependencies_and_agent()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.N);
        cockpit.Text.ShouldContain("New task");
        cockpit.Type("search");
        cockpit.Press(GuiKey.Tab);
        cockpit.Press(GuiKey.Tab);
        cockpit.Type("api,web");
        cockpit.Press(GuiKey.Tab);
        cockpit.Type("shell");
        cockpit.Press(GuiKey.Enter);

        cockpit.Session.Created.Single().ShouldBe(new FleetTui.Ui.Cockpit.NewTaskRequest("search", null, ["api", "web"], "shell"), new NewTaskRequestComparer());
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
    }

    [Fact]
    public void Scroll_mode_shows_history_searches_it_and_copies_through_osc_52()
    {
        using var cockpit = ThreeTasks();
        var api = cockpit.Session.Process("api");
        api.Output(string.Join("\r\n", Enumerable.Range(1, 60).Select(i => $"line {i}")));
        cockpit.Draw();
        var pane = cockpit.Fleet.Panes[0].Frame;

        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('['));
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Scroll);
        cockpit.Type("/line 7");
        cockpit.Press(GuiKey.Enter);

        cockpit.WaitUntil(() => cockpit.Lines()[pane.Y + 1][(pane.X + 1)..].StartsWith("line 7", StringComparison.Ordinal));
        cockpit.Text.ShouldContain("scroll -");

        cockpit.Type("y");
        cockpit.WaitUntil(() => cockpit.OuterWrites.Length > 0);
        cockpit.OuterWrites.ToString().ShouldStartWith("\e]52;c;");
        var copied = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cockpit.OuterWrites.ToString()[7..^1]));
        copied.ShouldBe("line 7"); // the cursor's line: the search put it on the match
        cockpit.WaitUntil(() => cockpit.Text.Contains("copied 1 line"));

        cockpit.Type("q");
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Normal);
        cockpit.Fleet.Panes[0].ScrollOffset.ShouldBe(0);
        api.InputText.ShouldBeEmpty();
    }

    [Fact]
    public void Prefix_twice_sends_the_prefix_key_to_the_pane()
    {
        using var cockpit = ThreeTasks();

        cockpit.Press(Prefix);
        cockpit.Press(Prefix);

        cockpit.Session.Process("api").InputText.ShouldBe("\a");
    }

    [Fact]
    public void Shows_the_exit_status_when_the_program_ends()
    {
        using var cockpit = ThreeTasks();

        cockpit.Session.Process("api").Exit(3);

        Eventually(cockpit, () => cockpit.Text.Contains("exit code 3"));
    }

    [Fact]
    public void A_change_of_the_task_repaints_its_title_row_but_not_the_programs_screen()
    {
        using var cockpit = ThreeTasks();
        cockpit.Session.Process("api").Output("hello");
        cockpit.Draw();
        var pane = cockpit.Fleet.Panes[0].Frame;
        var contents = cockpit.App.Driver!.Contents!;
        // A mark in the driver's copy of a content row: repainting the program's screen would overwrite it.
        contents[pane.Y + 3, pane.X + 5] = contents[pane.Y + 3, pane.X + 5] with { Grapheme = "#" };

        var snapshot = cockpit.Session.Snapshot;
        cockpit.Session.Publish(snapshot with { Version = 2, Tasks = [FakeCockpitSession.Task("api", activity: AgentActivity.Idle), .. snapshot.Tasks.Skip(1)] });
        Eventually(cockpit, () => cockpit.Text.Contains(" 1 api · fleet/api · idle"));

        contents[pane.Y + 3, pane.X + 5].Grapheme.ShouldBe("#");
        cockpit.Lines()[pane.Y + 1][(pane.X + 1)..].ShouldStartWith("hello");
    }

    [Fact]
    public void A_pane_that_moved_is_repainted_in_full_even_when_output_asked_for_the_draw()
    {
        using var cockpit = ThreeTasks();
        cockpit.Session.Process("api").Output("line1\r\nline2\r\nline3");
        cockpit.Draw();
        var pane = cockpit.Fleet.Panes[0];
        var before = pane.Frame;
        cockpit.Lines()[before.Y + 2][(before.X + 1)..].ShouldStartWith("line2");

        // Moved down a row; output to its last line arrives before the next draw (only that row is dirty).
        pane.Frame = before with { Y = before.Y + 1, Height = before.Height - 1 };
        cockpit.Session.Process("api").Output("!");
        cockpit.Draw();

        var lines = cockpit.Lines();
        lines[before.Y + 1][(before.X + 1)..].ShouldStartWith("1 api");
        lines[before.Y + 2][(before.X + 1)..].ShouldStartWith("line1");
        lines[before.Y + 3][(before.X + 1)..].ShouldStartWith("line2");
        lines[before.Y + 4][(before.X + 1)..].ShouldStartWith("line3!");
    }

    [Fact]
    public void A_new_task_in_the_snapshot_gets_a_pane()
    {
        using var cockpit = ThreeTasks();
        var snapshot = cockpit.Session.Snapshot;

        cockpit.Session.Publish(snapshot with { Version = 2, Tasks = [.. snapshot.Tasks, FakeCockpitSession.Task("search", TaskPhase.Pending)] });
        cockpit.Draw();

        cockpit.Fleet.Panes.Count.ShouldBe(4);
        cockpit.Text.ShouldContain(" 4 search · fleet/search · pending");
    }

    private static void Eventually(CockpitHarness cockpit, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new ShouldAssertException($"condition not met; screen:\n{cockpit.Text}");
            Thread.Sleep(20);
            // Work queued from other threads runs on the next iteration of the (virtual) main loop.
            cockpit.App.TimedEvents!.RunTimers();
            cockpit.Draw();
        }
    }

    private sealed class NewTaskRequestComparer : IEqualityComparer<FleetTui.Ui.Cockpit.NewTaskRequest>
    {
        public bool Equals(FleetTui.Ui.Cockpit.NewTaskRequest? x, FleetTui.Ui.Cockpit.NewTaskRequest? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Base == y.Base && x.Agent == y.Agent && x.DependsOn.SequenceEqual(y.DependsOn);

        public int GetHashCode(FleetTui.Ui.Cockpit.NewTaskRequest obj) => obj.Name.GetHashCode();
    }
}
