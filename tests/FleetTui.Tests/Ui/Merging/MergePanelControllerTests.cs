using FleetTui.Host.Agents;
using FleetTui.Host.Merging;
using FleetTui.Host.Panes;
using FleetTui.Core.Agents;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Merging;
using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;
using GuiKey = Terminal.Gui.Input.Key;

namespace FleetTui.Tests.Ui.Merging;

/// <summary>The merge-order panel inside the real cockpit (headless driver): keys become merge-driver calls, activity renders.</summary>
public class MergePanelControllerTests
{
    private static readonly GuiKey Prefix = GuiKey.G.WithCtrl;

    private static TaskSnapshot Finished(string name, TaskPhase phase = TaskPhase.Active, params string[] dependsOn) =>
        FakeCockpitSession.Task(name, phase, AgentActivity.Exited, dependsOn) with
        {
            Agent = new AgentState(AgentActivity.Exited, ExitCode: 0),
            Status = new BranchStatus { Ahead = 1, Behind = 0, Uncommitted = 0, LastCommit = new CommitInfo($"{name}0000", $"{name} work", DateTimeOffset.UnixEpoch) },
        };

    /// <summary>catalog finished, pricing still working, discounts in review on src/pricing.sh, checkout waiting on catalog.</summary>
    private static CockpitHarness Fleet(params TaskSnapshot[] tasks) => new(new FakeCockpitSession(tasks.Length > 0 ? tasks :
    [
        Finished("catalog"),
        FakeCockpitSession.Task("pricing"),
        Finished("discounts", TaskPhase.Review) with { ReviewConflicts = ["src/pricing.sh"], Note = "merge conflicts with the base" },
        FakeCockpitSession.Task("checkout", TaskPhase.Blocked, AgentActivity.NotStarted, "catalog"),
    ]), width: 160, height: 48);

    private static void OpenPanel(CockpitHarness cockpit)
    {
        cockpit.Press(Prefix);
        cockpit.Press(new GuiKey('M'));
    }

    private static FakeMergeDriver Driver(CockpitHarness cockpit) => cockpit.Session.MergeDriver;

    private static void Eventually(CockpitHarness cockpit, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new ShouldAssertException($"condition not met; screen:\n{cockpit.Text}");
            Thread.Sleep(20);
            cockpit.App.TimedEvents!.RunTimers();
            cockpit.Draw();
        }
    }

    [Fact]
    public void Prefix_M_shows_the_panel_and_gives_it_the_keyboard_with_the_next_ready_task_selected()
    {
        using var cockpit = Fleet();

        OpenPanel(cockpit);

        cockpit.Fleet.Mode.ShouldBe(CockpitMode.MergePanel);
        cockpit.Fleet.MergePanel.Selected.ShouldBe("catalog");
        var text = cockpit.Text;
        text.ShouldContain("Merge order (keys here)");
        text.ShouldContain("›1. catalog");
        text.ShouldContain("MERGE │");
        text.ShouldContain("in review: conflicts in");
        text.ShouldContain("waiting on catalog");
    }

    [Fact]
    public void N_merges_the_next_ready_task_and_M_merges_all_ready()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(GuiKey.N);
        cockpit.Press(new GuiKey('M'));

        Driver(cockpit).Calls.ShouldBe(["merge catalog", "merge all"]);
        cockpit.Session.Process("catalog").InputText.ShouldBeEmpty("panel keys never reach a pane");
    }

    [Fact]
    public void A_merge_asked_for_while_one_runs_is_refused_with_what_is_running()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);
        Driver(cockpit).Activity = MergeActivity.Idle with { Running = "merging every ready task" };

        cockpit.Press(new GuiKey('M'));
        cockpit.Text.ShouldContain("Still merging every ready");
        cockpit.Press(GuiKey.G);

        Driver(cockpit).Calls.ShouldBe(["gate catalog"], "a gate may queue behind the merge; a second merge may not");
    }

    [Fact]
    public void Merging_with_nothing_ready_says_so_and_asks_the_driver_nothing()
    {
        using var cockpit = Fleet(FakeCockpitSession.Task("pricing"));
        OpenPanel(cockpit);

        cockpit.Press(GuiKey.N);

        Driver(cockpit).Calls.ShouldBeEmpty();
        cockpit.Text.ShouldContain("Nothing is ready to merge.");
    }

    [Fact]
    public void J_and_k_move_the_selection_and_the_actions_follow_it()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(GuiKey.J);
        var selected = cockpit.Fleet.MergePanel.Selected!;
        cockpit.Press(GuiKey.G);
        cockpit.Press(GuiKey.M);
        cockpit.Press(GuiKey.K);
        cockpit.Press(GuiKey.G);

        selected.ShouldNotBe("catalog");
        Driver(cockpit).Calls.ShouldBe([$"gate {selected}", $"merge {selected}", "gate catalog"]);
    }

    [Fact]
    public void Progress_and_results_from_the_driver_render_in_the_panel_and_the_sidebar()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        Driver(cockpit).Activity = MergeActivity.Idle
            .WithTask("catalog", new TaskMergeActivity(TaskMergeActivityKind.GateRunning, "gate running…")) with { Running = "merging every ready task" };
        Eventually(cockpit, () => cockpit.Text.Contains("⟳ merging every ready task"));
        cockpit.Text.ShouldContain("→ gate running…");
        cockpit.Text.ShouldContain("catalog exited 0, gate runn");

        Driver(cockpit).Activity = MergeActivity.Idle
            .WithTask("discounts", new TaskMergeActivity(TaskMergeActivityKind.Review, "conflicts in src/pricing.sh; sent to review, nothing changed"))
            with { LastResult = "Merged catalog; in review: discounts.", LastResultFailed = true };
        Eventually(cockpit, () => cockpit.Text.Contains("Merged catalog; in review:"));
        cockpit.Text.ShouldContain("→ conflicts in src/pricing.sh;");
        cockpit.Text.ShouldNotContain("⟳");
    }

    [Fact]
    public void Predicted_conflicts_show_which_task_and_which_files()
    {
        using var cockpit = Fleet(Finished("pricing"), Finished("discounts"));
        OpenPanel(cockpit);

        Driver(cockpit).Activity = MergeActivity.Idle with { Conflicts = [new PredictedConflict("pricing", "discounts", ["src/pricing.sh"])] };

        Eventually(cockpit, () => cockpit.Text.Contains("conflicts with pricing in"));
        cockpit.Text.ShouldContain("ready; conflicts with discounts in");
    }

    [Fact]
    public void O_on_a_task_in_review_focuses_its_pane_and_lists_the_conflicting_paths()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);
        cockpit.Press(GuiKey.J);
        cockpit.Press(GuiKey.J);
        cockpit.Fleet.MergePanel.Selected.ShouldBe("discounts");

        cockpit.Press(GuiKey.O);

        cockpit.Fleet.Panes[cockpit.Fleet.FocusedIndex].Task.Name.ShouldBe("discounts");
        cockpit.Text.ShouldContain("discounts is in review");
        cockpit.Text.ShouldContain("    src/pricing.sh");
        cockpit.Press(GuiKey.Space);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Normal, "keys go to the task's pane again");
        Driver(cockpit).Calls.ShouldBeEmpty();
    }

    [Fact]
    public void R_retries_a_task_in_review_and_refuses_one_that_is_not()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(GuiKey.R);
        cockpit.Text.ShouldContain("catalog is not in review.");
        cockpit.Press(GuiKey.J);
        cockpit.Press(GuiKey.J);
        cockpit.Press(GuiKey.R);

        Driver(cockpit).Calls.ShouldBe(["retry discounts"]);
    }

    [Fact]
    public void D_marks_a_working_task_done_by_hand()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);
        cockpit.Press(GuiKey.J);
        cockpit.Fleet.MergePanel.Selected.ShouldBe("pricing");

        cockpit.Press(GuiKey.D);

        Driver(cockpit).Calls.ShouldBe(["done pricing"]);
    }

    [Fact]
    public void X_drops_a_task_only_after_showing_what_would_be_lost()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(GuiKey.X);
        Eventually(cockpit, () => cockpit.Text.Contains("uncommitted: src/api.cs"));
        cockpit.Text.ShouldContain("Destroy catalog?");
        cockpit.Session.Destroyed.ShouldBeEmpty();
        cockpit.Press(GuiKey.Y);

        cockpit.Session.Destroyed.ShouldBe(["catalog"]);
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.MergePanel);
    }

    [Fact]
    public void L_opens_the_last_gate_log_in_an_overlay()
    {
        using var cockpit = Fleet(Finished("catalog") with
        {
            Gate = new GateState(GateOutcome.Failed, 2, "/logs/catalog/gate-2.log") { Commit = "catalog0000" },
        });
        Driver(cockpit).Logs["/logs/catalog/gate-2.log"] = ["$ sh check.sh", "FAIL catalog items: expected 3, got 5"];
        OpenPanel(cockpit);
        cockpit.Text.ShouldContain("gate failed (run 2");

        cockpit.Press(GuiKey.L);

        Eventually(cockpit, () => cockpit.Text.Contains("FAIL catalog items: expected 3, got 5"));
        cockpit.Text.ShouldContain("Gate log of catalog — failed (run 2)");
        cockpit.Press(GuiKey.Q);
        cockpit.Fleet.IsOverlayVisible.ShouldBeFalse();
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.MergePanel, "closing the log returns to the panel");
    }

    [Fact]
    public void A_accepts_files_outside_the_scope_of_a_task_that_has_some()
    {
        var outOfScope = Finished("catalog") with
        {
            Status = Finished("catalog").Status! with { OutOfScope = ["src/pricing.sh"] },
        };
        using var cockpit = Fleet(outOfScope, Finished("docs"));
        OpenPanel(cockpit);
        cockpit.Text.ShouldContain("outside its scope");

        cockpit.Press(GuiKey.A);
        cockpit.Press(GuiKey.J);
        cockpit.Press(GuiKey.A);

        Driver(cockpit).Calls.ShouldBe(["accept catalog"]);
        cockpit.Text.ShouldContain("docs has no files outside its");
    }

    [Fact]
    public void Question_mark_lists_the_panel_keys_and_esc_gives_the_keys_back_to_the_panes()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(new GuiKey('?'));
        cockpit.Text.ShouldContain("Merge-order panel keys");
        cockpit.Text.ShouldContain("Merge every ready task, in order");
        cockpit.Press(GuiKey.Q);
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.MergePanel);

        cockpit.Press(GuiKey.Esc);
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.Normal);
        cockpit.Type("n");
        cockpit.Session.Process("catalog").InputText.ShouldBe("n");
        Driver(cockpit).Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Prefix_keys_still_work_while_the_panel_has_the_keyboard()
    {
        using var cockpit = Fleet();
        OpenPanel(cockpit);

        cockpit.Press(Prefix);
        cockpit.Press(GuiKey.Z);

        cockpit.Fleet.EffectiveLayout.ShouldBe(FleetTui.Ui.Layouts.LayoutKind.Zoom);
        cockpit.Fleet.Mode.ShouldBe(CockpitMode.MergePanel);
        Driver(cockpit).Calls.ShouldBeEmpty();
    }
}
