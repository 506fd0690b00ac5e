using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// The cockpit tells the terminal it runs in when a task starts needing attention: the bytes it writes (BEL, OSC 9)
/// are read from tmux's pipe of the pane's output, since tmux itself would swallow them.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
public class AttentionEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_demo_agent_waiting_for_approval_rings_the_bell_and_sends_the_configured_desktop_notification()
    {
        using var git = new IsolatedGit();
        var config = Path.Combine(git.Environment["HOME"], ".config", "fleet", "config.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "[notify]\nwaiting = [\"bell\", \"osc9\"]\n");
        var outer = Path.Combine(git.Root, "outer.bytes");
        File.WriteAllText(outer, "");
        await using var tmux = new CockpitTmux(outer);
        var environment = new Dictionary<string, string>(git.Environment) { ["SHELL"] = "/bin/sh", ["TERM"] = "xterm-256color" };

        await tmux.StartAsync(git.Root, environment, [.. FleetExecutable.Argv(), "demo", "--dir", Path.Combine(git.Root, "demo")]);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains($"Tasks ({DemoFleet.Tasks.Count})"), "the demo fleet", Slow);

        // Every demo agent stops once for an approval: each arrival is one bell and one OSC 9 naming the task.
        var bytes = await Eventually.HoldsAsync(() => Task.FromResult(File.ReadAllText(outer)),
            text => text.Contains("\a\e]9;catalog is waiting for input\a", StringComparison.Ordinal), "catalog's alert in the outer terminal's bytes", Slow);
        bytes.ShouldNotContain("\e]777;notify;fleet;", customMessage: "OSC 777 was not asked for");
        await tmux.SendKeysAsync("C-g", "q", "s");
    }
}
