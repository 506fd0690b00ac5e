using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Stories;
using FleetTui.RealAgents.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.RealAgents.Tests;

/// <summary>The real Gemini CLI in a fleet pane, offline: its first-run dialogs read "waiting for input" whatever its title says.</summary>
[Collection(RealAgentsCollection.Name)]
public sealed class GeminiCliTests(ITestOutputHelper output)
{
    [RealAgentFact("gemini")]
    public async Task Its_trust_and_auth_dialogs_are_waiting_for_input_although_its_title_says_Ready()
    {
        var result = await GeminiStories.RunAsync("trust and auth");
        output.WriteLine(result.ToString());
        StoryGoals.Check(result);
    }
}
