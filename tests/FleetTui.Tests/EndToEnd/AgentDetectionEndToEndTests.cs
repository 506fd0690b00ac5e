using System.Text.RegularExpressions;
using System.Diagnostics;
using System.Globalization;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// <c>fleet demo</c> in tmux: the scripted catalog agent works, stops at an approval prompt, is answered, finishes and idles,
/// and the sidebar follows each state. The time from a state showing in the pane to the sidebar saying so (the detection
/// latency as the user sees it, within one capture period of ~20-40 ms) is written to the test output.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
public class AgentDetectionEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    /// <summary>The sidebar's width on a 160-column screen (a fifth, clamped to 24..36), where the zoomed pane begins.</summary>
    private const int SidebarWidth = 32;

    [Fact]
    public async Task The_sidebar_follows_a_demo_agent_from_working_to_waiting_to_idle()
    {
        using var git = new IsolatedGit();
        await using var tmux = new CockpitTmux();
        var environment = new Dictionary<string, string>(git.Environment) { ["SHELL"] = "/bin/sh", ["TERM"] = "xterm-256color" };
        await tmux.StartAsync(git.Root, environment, [.. FleetExecutable.Argv(), "demo", "--dir", Path.Combine(git.Root, "demo")]);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains($"Tasks ({DemoFleet.Tasks.Count})"), "the demo fleet", Slow);

        // Zoom the focused catalog pane: every column right of the sidebar is then catalog's screen.
        await tmux.SendKeysAsync("C-g", "z");
        var states = new List<string>();
        var waiting = await WatchAsync(tmux, states,
            shown: pane => pane.Contains(DemoAgentView.ApprovalQuestion, StringComparison.Ordinal),
            followed: state => state.StartsWith("!1 catalog waiting for input", StringComparison.Ordinal),
            "catalog's approval prompt");
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => Sidebar(s).Any(l => l.StartsWith("   via signal", StringComparison.Ordinal)), "the source of the state", Slow);

        await tmux.SendKeysAsync("Enter");
        var working = await WatchAsync(tmux, states,
            shown: pane => !pane.Contains(DemoAgentView.ApprovalQuestion, StringComparison.Ordinal),
            followed: state => state.StartsWith(" 1 catalog working", StringComparison.Ordinal),
            "catalog working again");
        var idle = await WatchAsync(tmux, states,
            shown: pane => pane.Contains("✔ Done.", StringComparison.Ordinal) && !pane.Contains(DemoAgentView.Interrupt, StringComparison.Ordinal),
            // Idle with its work committed is "ready for review" (and marked for attention).
            followed: state => state.StartsWith(" 1 catalog idle", StringComparison.Ordinal) || state.StartsWith("!1 catalog ready for review", StringComparison.Ordinal),
            "catalog idle");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"detection latency (pane shows the state → sidebar says it): waiting {waiting:F0} ms, working {working:F0} ms, idle {idle:F0} ms"));
        output.WriteLine("sidebar states seen: " + string.Join(" → ", states));
        // No flicker: every state shows once, in order (the agent may already be working when the first capture is taken).
        // Timings belong to the figures above, not to a pass/fail on a loaded machine.
        // Idle reads "idle, uncommitted changes" (cut to the sidebar's width) until the status pump sees the agent's commit,
        // then "ready for review": both are the agent's idle state.
        var seen = states.SkipWhile(s => s is "pending" or "setting up" or "not started" or "starting")
            .Select(s => s.StartsWith("ready for review", StringComparison.Ordinal) ? "idle" : Regex.Replace(s, ", uncommitted.*$", ""));
        var settled = string.Join(" → ", seen.Where((s, i) => i == 0 || s != seen.ElementAt(i - 1)));
        settled.ShouldBeOneOf("working → waiting for input → working → idle", "waiting for input → working → idle");
    }

    private static IEnumerable<string> Sidebar(string screen) =>
        screen.Split('\n').Select(l => l.Length > SidebarWidth ? l[..SidebarWidth] : l);

    /// <summary>
    /// Captures the screen continuously until the sidebar's catalog line satisfies <paramref name="followed"/>, adding each
    /// new state it shows to <paramref name="states"/>; returns the
    /// milliseconds between the first capture where the pane satisfied <paramref name="shown"/> and that one (0 when both
    /// showed in the same capture, negative when the sidebar was first).
    /// </summary>
    private static async Task<double> WatchAsync(CockpitTmux tmux, List<string> states, Func<string, bool> shown, Func<string, bool> followed, string what)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? shownAt = null;
        var last = "";
        while (clock.Elapsed < Slow)
        {
            last = await tmux.CaptureAsync();
            var now = clock.Elapsed;
            var lines = last.Split('\n');
            var pane = string.Join("\n", lines.Select(l => l.Length > SidebarWidth ? l[SidebarWidth..] : ""));
            var state = Sidebar(last).FirstOrDefault(l => l.Contains("1 catalog", StringComparison.Ordinal)) ?? "";
            var text = state.Length > 0 ? state[(state.IndexOf("1 catalog", StringComparison.Ordinal) + "1 catalog".Length)..].Trim() : "";
            if (text.Length > 0 && (states.Count == 0 || states[^1] != text))
                states.Add(text);
            if (shownAt is null && shown(pane))
                shownAt = now;
            if (followed(state))
                return ((shownAt ?? now) - now).Negate().TotalMilliseconds;
        }
        throw new TimeoutException($"Timed out waiting for {what} (pane shown: {shownAt is not null}). Last screen:\n{last}");
    }
}
