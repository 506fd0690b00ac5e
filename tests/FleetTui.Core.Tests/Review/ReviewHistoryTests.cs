using FleetTui.Core.Agents;
using FleetTui.Core.Review;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Review;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReviewHistoryTests : IDisposable
{
    private readonly string _fleetDir = Directory.CreateTempSubdirectory("fleet-review-").FullName;

    public void Dispose() => Directory.Delete(_fleetDir, recursive: true);

    [Fact]
    public void Rounds_are_kept_in_order_in_a_private_file()
    {
        var history = new ReviewHistory(_fleetDir);

        history.Append("api", new ReviewRound(DateTimeOffset.UnixEpoch, ReviewVerdict.Changes, [new ReviewComment("src/a.cs", 5, "use cents")]));
        history.Append("api", new ReviewRound(DateTimeOffset.UnixEpoch.AddHours(1), ReviewVerdict.Approved, []));

        history.Read("api").Select(r => r.Verdict).ShouldBe([ReviewVerdict.Changes, ReviewVerdict.Approved]);
        history.Read("api")[0].Comments.Single().ShouldBe(new ReviewComment("src/a.cs", 5, "use cents"));
        File.GetUnixFileMode(history.PathFor("api")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        history.Read("web").ShouldBeEmpty();
    }

    [Fact]
    public void The_prompt_puts_each_comment_on_its_own_line_with_its_place()
    {
        var prompt = ReviewPrompt.ForComments([new ReviewComment("src/pricing.sh", 5, "round\nonce"), new ReviewComment("README.md", 1, "say why")]);

        prompt.ShouldStartWith("Review comments:\n- src/pricing.sh:5: round once\n- README.md:1: say why\n");
    }

    [Theory]
    [InlineData(AgentActivity.Idle, 2, 0, ReviewState.ReadyForReview)]
    [InlineData(AgentActivity.Exited, 1, 0, ReviewState.ReadyForReview)]
    [InlineData(AgentActivity.Idle, 2, 3, ReviewState.UncommittedChanges)]
    [InlineData(AgentActivity.Idle, 0, 0, ReviewState.NoCommits)]
    [InlineData(AgentActivity.Working, 2, 0, ReviewState.NotSettled)]
    [InlineData(AgentActivity.WaitingForInput, 2, 0, ReviewState.NotSettled)]
    public void A_task_is_ready_for_review_when_its_agent_settled_with_commits_and_a_clean_worktree(
        AgentActivity activity, int ahead, int uncommitted, ReviewState expected)
    {
        var task = new TaskSnapshot
        {
            Name = "api", Branch = "fleet/api", BaseBranch = "main", Phase = TaskPhase.Active, WorktreePath = "/wt/api",
            Agent = new AgentState(activity),
            Status = new BranchStatus { Ahead = ahead, Behind = 0, Uncommitted = uncommitted },
        };

        ReviewReadiness.Of(task).ShouldBe(expected);
        ReviewReadiness.Of(task with { Phase = TaskPhase.Done }).ShouldBe(ReviewState.NotSettled);
    }
}
