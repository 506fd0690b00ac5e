using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public class MergePlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static TaskMergeFacts Ready(string name, int readyMinute = 0, params string[] dependsOn) => new()
    {
        Name = name,
        Branch = "fleet/" + name,
        DependsOn = dependsOn,
        Phase = TaskPhase.Active,
        AgentFinished = true,
        Ahead = 1,
        Tip = name + "-tip",
        ReadySince = T0.AddMinutes(readyMinute),
    };

    private static MergePlan Plan(params TaskMergeFacts[] tasks) => MergePlanner.Plan(tasks, ScopeEnforcement.Warn);

    private static string[] Names(MergePlan plan) => plan.Entries.Select(e => e.Name).ToArray();

    [Fact]
    public void Independent_tasks_merge_in_the_order_they_became_ready()
    {
        var plan = Plan(Ready("a", 30), Ready("b", 10), Ready("c", 20));

        Names(plan).ShouldBe(["b", "c", "a"]);
        plan.Entries.Select(e => e.Position).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Ties_in_ready_time_keep_file_order()
    {
        Names(Plan(Ready("z"), Ready("a"), Ready("m"))).ShouldBe(["z", "a", "m"]);
    }

    [Fact]
    public void A_dependency_comes_before_its_dependents_even_when_it_became_ready_later()
    {
        var plan = Plan(Ready("ui", 1, "api"), Ready("api", 50), Ready("docs", 20));

        Names(plan).ShouldBe(["docs", "api", "ui"]);
    }

    [Fact]
    public void A_dependent_waits_on_every_dependency_that_has_not_merged()
    {
        var plan = Plan(Ready("api"), Ready("db"), Ready("ui", 0, "api", "db"));

        var ui = plan.Find("ui")!;
        ui.Readiness.ShouldBe(new MergeReadiness.WaitingOn(["api", "db"]));
        ui.Why.ShouldBe("waiting on api, db");
    }

    [Fact]
    public void A_dependent_of_merged_tasks_is_ready_and_merged_tasks_lead_the_plan()
    {
        var plan = Plan(Ready("ui", 5, "api"), Ready("api", 9) with { Phase = TaskPhase.Merged }, Ready("other", 1));

        Names(plan).ShouldBe(["api", "other", "ui"]);
        plan.Find("api")!.Readiness.ShouldBeOfType<MergeReadiness.Merged>();
        plan.Find("ui")!.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
        plan.Next!.Name.ShouldBe("other");
    }

    [Fact]
    public void A_diamond_is_ordered_topologically()
    {
        var plan = Plan(Ready("top", 0, "left", "right"), Ready("left", 3, "root"), Ready("right", 2, "root"), Ready("root", 9));

        Names(plan).ShouldBe(["root", "right", "left", "top"]);
    }

    [Fact]
    public void A_running_agent_means_still_working_unless_the_task_was_marked_done()
    {
        Plan(Ready("a") with { AgentFinished = false }).Find("a")!.Readiness.ShouldBeOfType<MergeReadiness.Working>();
        Plan(Ready("a") with { AgentFinished = false, Phase = TaskPhase.Done }).Find("a")!.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
    }

    [Fact]
    public void No_commits_beyond_the_base_is_not_ready()
    {
        var entry = Plan(Ready("a") with { Ahead = 0 }).Find("a")!;

        entry.Readiness.ShouldBeOfType<MergeReadiness.NoCommits>();
        entry.Why.ShouldBe("no commits beyond its base");
    }

    [Fact]
    public void Uncommitted_changes_are_counted_in_the_reason()
    {
        var entry = Plan(Ready("a") with { Uncommitted = 3 }).Find("a")!;

        entry.Readiness.ShouldBe(new MergeReadiness.Dirty(3));
        entry.Why.ShouldBe("3 uncommitted changes in its worktree");
    }

    [Fact]
    public void A_failed_gate_on_the_current_tip_blocks_and_names_the_log()
    {
        var failed = new GateState(GateOutcome.Failed, 2, "/logs/a/gate-2.log") { Commit = "a-tip" };

        var entry = Plan(Ready("a") with { Gate = failed }).Find("a")!;

        entry.Readiness.ShouldBeOfType<MergeReadiness.GateFailed>();
        entry.Why.ShouldBe("gate failed (run 2, log /logs/a/gate-2.log)");
    }

    [Fact]
    public void A_gate_that_failed_on_an_older_tip_does_not_block_the_new_one()
    {
        var stale = new GateState(GateOutcome.Failed, 1, "/logs/a/gate-1.log") { Commit = "older" };

        Plan(Ready("a") with { Gate = stale }).Find("a")!.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
    }

    [Fact]
    public void Out_of_scope_files_block_only_when_enforcement_is_block_and_not_accepted()
    {
        var task = Ready("a") with { OutOfScope = ["secrets.txt"] };

        MergePlanner.Plan([task], ScopeEnforcement.Block).Find("a")!.Readiness.ShouldBe(new MergeReadiness.OutOfScope(["secrets.txt"]));
        MergePlanner.Plan([task with { ScopeAccepted = true }], ScopeEnforcement.Block).Find("a")!.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
        var warned = MergePlanner.Plan([task], ScopeEnforcement.Warn).Find("a")!;
        warned.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
        warned.Why.ShouldBe("ready; 1 file(s) outside its scope: secrets.txt");
        MergePlanner.Plan([task], ScopeEnforcement.Off).Find("a")!.Why.ShouldBe("ready");
    }

    [Fact]
    public void A_task_in_review_lists_its_conflicting_paths()
    {
        var entry = Plan(Ready("a") with { Phase = TaskPhase.Review, ReviewConflicts = ["src/a.cs", "src/b.cs"] }).Find("a")!;

        entry.Why.ShouldBe("in review: conflicts in src/a.cs, src/b.cs");
        entry.Readiness.CanAttempt.ShouldBeFalse();
    }

    [Fact]
    public void A_predicted_conflict_with_the_base_is_shown_and_still_attempted()
    {
        var plan = MergePlanner.Plan([Ready("a")], ScopeEnforcement.Warn, [new PredictedConflict("a", null, ["x.cs"])]);

        var entry = plan.Find("a")!;
        entry.Readiness.ShouldBe(new MergeReadiness.ConflictsPredicted(null, ["x.cs"]));
        entry.Why.ShouldBe("conflicts with the base in x.cs");
        entry.Readiness.CanAttempt.ShouldBeTrue();
    }

    [Fact]
    public void A_conflict_between_two_ready_tasks_marks_the_later_one_and_warns_the_earlier_one()
    {
        var plan = MergePlanner.Plan([Ready("a", 1), Ready("b", 2)], ScopeEnforcement.Warn, [new PredictedConflict("a", "b", ["shared.cs"])]);

        plan.Find("a")!.Readiness.ShouldBeOfType<MergeReadiness.Ready>();
        plan.Find("a")!.Why.ShouldBe("ready; conflicts with b in shared.cs");
        plan.Find("b")!.Readiness.ShouldBe(new MergeReadiness.ConflictsPredicted("a", ["shared.cs"]));
        plan.Find("b")!.Why.ShouldBe("conflicts with a in shared.cs");
    }

    [Fact]
    public void Long_path_lists_are_shortened()
    {
        var entry = Plan(Ready("a") with { Phase = TaskPhase.Review, ReviewConflicts = ["1", "2", "3", "4", "5"] }).Find("a")!;

        entry.Why.ShouldBe("in review: conflicts in 1, 2, 3 and 2 more");
    }

    [Fact]
    public void Tasks_without_a_worktree_are_not_started()
    {
        Plan(Ready("a") with { Phase = TaskPhase.Pending }).Find("a")!.Why.ShouldBe("not started (no worktree yet)");
    }

    [Fact]
    public void Never_ready_tasks_trail_ready_ones()
    {
        Names(Plan(Ready("busy") with { ReadySince = null, AgentFinished = false }, Ready("done", 99))).ShouldBe(["done", "busy"]);
    }

    [Fact]
    public void A_task_that_is_not_ready_does_not_jump_ahead_because_of_an_old_ready_time()
    {
        Names(Plan(Ready("idle", 0) with { Ahead = 0 }, Ready("api", 50))).ShouldBe(["api", "idle"]);
    }
}
