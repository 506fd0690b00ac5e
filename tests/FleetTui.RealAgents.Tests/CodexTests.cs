using FleetTui.Host.Agents;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Mocks;
using FleetTui.RealAgents.Tests.Stories;
using FleetTui.RealAgents.Tests.Support;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.RealAgents.Tests;

/// <summary>The real Codex CLI in a fleet pane, its notify hook on, against the mock Responses API.</summary>
[Collection(RealAgentsCollection.Name)]
public sealed class CodexTests(ITestOutputHelper output)
{
    private async Task RunAsync(string story)
    {
        var result = await CodexStories.RunAsync(story);
        output.WriteLine(result.ToString());
        StoryGoals.Check(result);
    }

    [RealAgentFact("codex")]
    public Task A_plain_answer_goes_from_starting_through_working_to_idle() => RunAsync("answer");

    [RealAgentFact("codex")]
    public Task A_command_approval_is_waiting_and_approving_it_is_working_at_once() => RunAsync("command approved");

    [RealAgentFact("codex")]
    public async Task Stopping_a_task_stops_the_app_server_its_agent_started()
    {
        // Without hooks: a launch with config overrides (our notify) runs its app-server in process, no daemon.
        await using var session = await CodexSession.StartAsync(ResponsesMockServer.Marker(CodexStory.Answer) + " say done", hooks: false);
        await session.Pane.ScreenShowsAsync("Done.", CodexStories.Wait);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!CodexAppServers.Find(session.Run, session.Sandbox.Worktree).Any(d => d.Ours) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        var daemons = CodexAppServers.Find(session.Run, session.Sandbox.Worktree).Where(d => d.Ours).ToList();
        daemons.ShouldNotBeEmpty("Codex 0.171 starts a detached app-server; none was found for this launch");

        var left = await session.StopAsync();

        left.Where(d => daemons.Any(o => o.Pid == d.Pid)).ShouldBeEmpty();
        daemons.ShouldAllBe(d => FleetTui.Terminal.Pty.ProcessIdentity.Of(d.Pid) == null);
    }
}
