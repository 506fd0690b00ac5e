using FleetTui.Core.Agents;
using FleetTui.Core.Session;
using FleetTui.Tests.Ui.Cockpit;
using FleetTui.Ui.Panes;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Panes;

public sealed class TaskStateTextTests
{
    [Fact]
    public void An_agent_stuck_on_its_model_API_says_so_and_needs_attention_like_a_question()
    {
        var task = FakeCockpitSession.Task("api", TaskPhase.Active, AgentActivity.Stuck);
        TaskStateText.Describe(task).ShouldBe("stuck");
        TaskStateText.NeedsAttention(task).ShouldBeTrue();
        TaskStateText.NeedsAttention(FakeCockpitSession.Task("api", TaskPhase.Active, AgentActivity.WaitingForInput)).ShouldBeTrue();
        TaskStateText.NeedsAttention(FakeCockpitSession.Task("api", TaskPhase.Active, AgentActivity.Working)).ShouldBeFalse();
        TaskStateText.Source(task.Agent).ShouldNotBeNull(); // a stuck agent still runs
    }
}
