using System.Text.RegularExpressions;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// The demo fleet in the real cockpit, in tmux: the scripted agents (sped up, approving themselves, exiting when done) finish,
/// the merge-order panel merges every ready task, the pricing/discounts conflict goes to review with its path, checkout starts
/// from the integrated base (or is held when pricing is the one in review), and opening the review shows the conflicting path.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
public partial class MergePanelEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    private static async Task<string> ScreenAsync(CockpitTmux tmux, Func<string, bool> condition, string what) =>
        await Eventually.HoldsAsync(tmux.CaptureAsync, condition, what, Slow);

    /// <summary>The demo repository with agents that run 20 times faster, approve their own edit and exit when done (committed: the base must stay clean to merge).</summary>
    private static async Task<string> FastDemoAsync(IsolatedGit git)
    {
        var repository = await git.CreateDemoAsync([.. FleetExecutable.Argv()]);
        repository.Keep();
        var toml = await File.ReadAllTextAsync(repository.FleetTomlPath);
        foreach (var task in DemoFleet.Tasks)
            toml = toml.Replace($"\"demo-agent\", \"{task.Name}\"]", $"\"demo-agent\", \"{task.Name}\", \"--speed\", \"20\", \"--auto-approve\", \"--exit-when-done\"]", StringComparison.Ordinal);
        toml.ShouldContain("--exit-when-done");
        await File.WriteAllTextAsync(repository.FleetTomlPath, toml);
        await git.GitAsync(repository.RepositoryPath, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-am", "demo agents: fast and unattended");
        return repository.RepositoryPath;
    }

    [Fact]
    public async Task The_demo_agents_finish_merge_all_ready_sends_the_conflict_to_review_and_opening_it_shows_the_path()
    {
        using var git = new IsolatedGit();
        var repo = await FastDemoAsync(git);
        await using var tmux = new CockpitTmux();
        var environment = new Dictionary<string, string>(git.Environment) { ["TERM"] = "xterm-256color" };
        await tmux.StartAsync(repo, environment, FleetExecutable.Argv());

        // Every independent agent finishes (exit 0 after committing); checkout waits on catalog and pricing.
        await ScreenAsync(tmux, s => Regex.Matches(s, @"(catalog|pricing|discounts|docs) exited 0").Count == 4, "the four independent agents to finish");
        await tmux.SendKeysAsync("C-g", "M");
        // An agent's last commit reaches the branch status within a refresh: wait until the panel calls catalog, pricing and docs ready.
        var screen = await ScreenAsync(tmux, s => s.Contains("MERGE │") && ReadyLines().Matches(s).Count >= 3, "the merge panel with three ready tasks");
        screen.ShouldContain("waiting on catalog, pricing");

        // M: merge every ready task. One of pricing/discounts merges, the other conflicts on src/pricing.sh and goes to review.
        await tmux.SendKeysAsync("M");
        screen = await ScreenAsync(tmux, s => ReviewTask(s) is not null && s.Contains(" catalog merged") && s.Contains(" docs merged") && MergedSummary().IsMatch(s), "the run to finish with a task in review");
        var inReview = ReviewTask(screen)!;
        new[] { "pricing", "discounts" }.ShouldContain(inReview);
        screen.ShouldContain("src/pricing.sh");
        screen.ShouldContain(" catalog merged");
        screen.ShouldContain(" docs merged");
        if (inReview == "discounts")
        {
            // Both of checkout's dependencies merged: it started from the integrated base and its pane runs its agent.
            await ScreenAsync(tmux, s => !s.Contains("checkout blocked") && Regex.IsMatch(s, @"checkout (working|exited 0|idle|waiting)"), "checkout to start after its dependencies merged");
        }
        else
        {
            // pricing is in review, so checkout (which needs it) was held, and stays blocked.
            screen.ShouldContain("held: depends on pricing");
            screen.ShouldContain("checkout blocked on");
        }

        // Select the task in review and open it: its pane is focused and the conflicting path is listed.
        screen = await tmux.CaptureAsync();
        var delta = Position(screen, inReview) - SelectedPosition(screen);
        for (var i = 0; i < Math.Abs(delta); i++)
            await tmux.SendKeysAsync(delta > 0 ? "j" : "k");
        await ScreenAsync(tmux, s => Regex.IsMatch(s, $@"›\d\. {inReview}"), $"{inReview} selected");
        // Enter reviews its diff, which says where the merge conflicted; o opens its pane with what to do.
        await tmux.SendKeysAsync("Enter");
        screen = await ScreenAsync(tmux, s => s.Contains($"Review {inReview} · fleet/{inReview} against main"), "the review view");
        screen.ShouldContain("merging it conflicted in src/pricing.sh");
        await tmux.SendKeysAsync("q");
        await ScreenAsync(tmux, s => !s.Contains($"Review {inReview} ·"), "the review view closed");
        await tmux.SendKeysAsync("o");
        screen = await ScreenAsync(tmux, s => s.Contains($"{inReview} is in review"), "the review overlay");
        screen.ShouldContain("Merging it into main conflicts in:");
        screen.ShouldContain("    src/pricing.sh");
        await tmux.SendKeysAsync("Space");
        await ScreenAsync(tmux, s => s.Contains($"NORMAL │ {inReview}"), $"{inReview}'s pane focused");

        // Quit before the repository is deleted (the cockpit and its agents must be gone first).
        // (It asks only while an agent still runs: checkout's may have finished already.)
        await tmux.SendKeysAsync("C-g", "q");
        var (dead, last) = await Eventually.HoldsAsync(
            async () => (await tmux.IsDeadAsync(), await tmux.CaptureAsync()), state => state.Item1 || state.Item2.Contains("Quit FleetTui?"),
            "the quit confirmation or the exit", Slow);
        if (!dead && last.Contains("Quit FleetTui?"))
            await tmux.SendKeysAsync("s");
        await Eventually.HoldsAsync(tmux.IsDeadAsync, exited => exited, "fleet to exit", Slow);
    }

    /// <summary>The task the sidebar shows in review.</summary>
    private static string? ReviewTask(string screen) => ReviewInSidebar().Match(screen) is { Success: true } match ? match.Groups[1].Value : null;

    private static int Position(string screen, string task) => int.Parse(Regex.Match(screen, $@"[ ›](\d)\. {task}\b").Groups[1].Value);

    private static int SelectedPosition(string screen) => int.Parse(Regex.Match(screen, @"›(\d)\. ").Groups[1].Value);

    [GeneratedRegex(@" {4}ready(;|\s*$)", RegexOptions.Multiline)]
    private static partial Regex ReadyLines();

    /// <summary>The run's last line (it comes when the run is over), in ready order: "Merged docs, catalog, pricing; in review: discounts."</summary>
    [GeneratedRegex(@"Merged [a-z, ]+; in\s")]
    private static partial Regex MergedSummary();

    [GeneratedRegex(@"\d (pricing|discounts) in review")]
    private static partial Regex ReviewInSidebar();
}
