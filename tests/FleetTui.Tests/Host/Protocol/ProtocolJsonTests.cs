using FleetTui.Core.Agents;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Worktrees;
using FleetTui.Host.Merging;
using FleetTui.Host.Protocol;
using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Protocol;

public class ProtocolJsonTests
{
    private static HostMessage RoundTrip(HostMessage message) => ProtocolJson.ReadHostMessage(ProtocolJson.Serialize(message));

    private static ClientMessage RoundTrip(ClientMessage message) => ProtocolJson.ReadClientMessage(ProtocolJson.Serialize(message));

    [Fact]
    public void A_fleet_config_with_preset_and_command_agents_survives_the_wire()
    {
        var config = ConfigLoader.Parse("""
            [fleet]
            agent = ["sh", "-c", "echo hi"]
            scope_enforcement = "block"

            [agents.fake]
            command = ["sh"]
            continue_args = ["--continue"]

            [[task]]
            name = "api"
            agent = "fake"
            ports = ["web"]

            [[task]]
            name = "docs"
            depends_on = ["api"]
            """, "/repo/fleet.toml");

        var back = ((HostMessage.Config)RoundTrip(new HostMessage.Config(config))).Fleet;

        back.Fleet.Agent.ShouldBe(AgentRef.Command(["sh", "-c", "echo hi"]));
        back.Fleet.ScopeEnforcement.ShouldBe(ScopeEnforcement.Block);
        back.FindTask("api")!.Agent.ShouldBe(AgentRef.Preset("fake"));
        back.FindTask("docs")!.DependsOn.ShouldBe(["api"]);
        back.Agents["fake"].ContinueArgs.ShouldBe(["--continue"]);
    }

    [Fact]
    public void A_snapshot_keeps_its_tasks_agent_states_and_statuses()
    {
        var task = new TaskSnapshot
        {
            Name = "api", Branch = "fleet/api", BaseBranch = "main", Phase = TaskPhase.Review, WorktreePath = "/wt/api",
            Agent = new AgentState(AgentActivity.Exited, StateSource.Process, ExitCode: 3) { Confidence = 0.5, Done = true },
            Status = new BranchStatus { Ahead = 2, Behind = 1, Uncommitted = 4, LastCommit = new CommitInfo("abc", "subject", DateTimeOffset.UnixEpoch), OutOfScope = ["x.cs"] },
            Ports = new Dictionary<string, int> { ["web"] = 41000 },
            Gate = new GateState(GateOutcome.Failed, 3, "/logs/gate-3.log") { Commit = "abc" },
            ReviewConflicts = ["src/a.cs"],
        };
        var body = new SnapshotBody(7, "/repo", "main", [task], ["recovered"], "/repo/.git/fleet/state.json");

        var back = ((HostMessage.Snapshot)RoundTrip(new HostMessage.Snapshot(body))).Body.Tasks.Single();

        back.Agent.ShouldBe(task.Agent);
        back.Status!.LastCommit.ShouldBe(task.Status.LastCommit);
        back.Status.OutOfScope.ShouldBe(["x.cs"]);
        back.Ports["web"].ShouldBe(41000);
        back.Gate.ShouldBe(task.Gate);
        back.Phase.ShouldBe(TaskPhase.Review);
    }

    [Fact]
    public void Merge_activity_and_requests_with_their_replies_survive_the_wire()
    {
        var activity = MergeActivity.Idle.WithTask("api", new TaskMergeActivity(TaskMergeActivityKind.GateRunning, "gate running…")) with
        {
            Conflicts = [new FleetTui.Core.Merging.PredictedConflict("api", "web", ["src/a.cs"])],
        };
        var back = ((HostMessage.Activity)RoundTrip(new HostMessage.Activity(activity))).Merges;
        back.For("api")!.Kind.ShouldBe(TaskMergeActivityKind.GateRunning);
        back.Conflicts.Single().Paths.ShouldBe(["src/a.cs"]);

        var loss = new FleetTui.Core.Worktrees.WorktreeLoss(["a.txt"], [new FleetTui.Core.Worktrees.LostCommit("0123456789abcdef", "work")], [], [".env.local"]);
        var request = (ClientMessage.Request)RoundTrip(new ClientMessage.Request(5, new HostRequest.DestroyTask("api", false, loss, StopRunningAgent: true)));
        var destroy = request.Body.ShouldBeOfType<HostRequest.DestroyTask>();
        (destroy.Name, destroy.Force, destroy.StopRunningAgent).ShouldBe(("api", false, true));
        destroy.ConfirmedLoss.ShouldBe(loss);
        destroy.ConfirmedLoss!.Lines.ShouldBe(loss.Lines);
        var reply = (HostMessage.Reply)RoundTrip(new HostMessage.Reply(5, true, "ok", null, new ReplyData.Offset(12)));
        reply.Data.ShouldBe(new ReplyData.Offset(12));
    }

    [Fact]
    public void Keys_keep_their_character_and_modifiers()
    {
        var key = KeyInput.Char('é', KeyModifiers.Alt);

        var back = (ClientMessage.KeyPress)RoundTrip(ClientMessage.KeyPress.Of("api", key));

        back.ToInput().ShouldBe(key);
    }

    [Fact]
    public void A_malformed_message_is_a_protocol_error_not_a_crash()
    {
        Should.Throw<ProtocolException>(() => ProtocolJson.ReadClientMessage("{\"type\":\"nonsense\"}"u8));
        Should.Throw<ProtocolException>(() => ProtocolJson.ReadClientMessage("not json"u8));
        Should.Throw<ProtocolException>(() => ProtocolJson.ReadClientMessage("null"u8));
    }

    [Fact]
    public void The_version_of_an_unknown_first_message_can_still_be_read()
    {
        ProtocolJson.PeekVersion("{\"type\":\"hello2\",\"version\":9,\"extra\":{\"version\":1}}"u8).ShouldBe(9);
        ProtocolJson.PeekVersion("garbage"u8).ShouldBeNull();
    }
}
