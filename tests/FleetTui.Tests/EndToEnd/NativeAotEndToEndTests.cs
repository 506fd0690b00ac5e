using System.Runtime.InteropServices;
using FleetTui.Core.Tests.Support;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>
/// `fleet` published with Native AOT (what scripts/publish-aot.sh builds, the fast-starting form users run): the build's
/// analyzers forbid trimming hazards, and this test runs the published executable for what they cannot see, such as
/// reflection-free JSON of the session state and agent signals, git through LibGit2Sharp and CliWrap, the demo agents
/// (the executable runs itself as each agent) and the cockpit's first frame.
/// </summary>
[Collection(CockpitEndToEndCollection.Name)]
public class NativeAotEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_native_executable_manages_tasks_and_runs_the_demo_cockpit_with_its_agents()
    {
        using var git = new IsolatedGit();
        var fleet = await PublishAsync(git.Root);

        // Headless verbs: a task is created (worktree, session state JSON) and listed.
        var repo = Path.Combine(git.Root, "repo");
        Directory.CreateDirectory(repo);
        await git.GitAsync(repo, "init", "--quiet", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(repo, "fleet.toml"), "[fleet]\nagent = \"shell\"\n\n[[task]]\nname = \"alpha\"\n");
        await git.GitAsync(repo, "add", "fleet.toml");
        await git.GitAsync(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "init");
        var created = await git.RunAsync(repo, fleet, "new", "beta");
        created.ExitCode.ShouldBe(0, created.Output);
        Directory.Exists(Path.Combine(git.Root, "repo.worktrees", "beta")).ShouldBeTrue(created.Output);
        var listed = await git.RunAsync(repo, fleet, "ps");
        listed.ExitCode.ShouldBe(0, listed.Output);
        listed.Output.ShouldContain("beta");
        listed.Output.ShouldContain("fleet/beta");

        // The setup verbs: doctor knows it is the native build; init reads the embedded reference and writes a file that loads.
        var doctor = await git.RunAsync(repo, fleet, "doctor");
        doctor.Output.ShouldContain("Native AOT");
        var node = Path.Combine(git.Root, "node");
        Directory.CreateDirectory(node);
        await git.GitAsync(node, "init", "--quiet", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(node, "package.json"), """{ "scripts": { "test": "node --test" } }""");
        var init = await git.RunAsync(node, fleet, "init");
        init.ExitCode.ShouldBe(0, init.Output);
        Core.Config.ConfigLoader.Load(Path.Combine(node, "fleet.toml")).Fleet.Gate.ShouldBe("npm test");

        // The cockpit on the demo fleet: the first frame is logged, and the agents (this executable again) start, draw and
        // report their state through `fleet signal` hooks.
        var startupLog = Path.Combine(git.Root, "startup.log");
        var environment = new Dictionary<string, string>(git.Environment) { ["TERM"] = "xterm-256color", ["FLEET_STARTUP_LOG"] = startupLog };
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(git.Root, environment, [fleet, "demo", "--dir", Path.Combine(git.Root, "demo")]);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains($"Tasks ({DemoFleet.Tasks.Count})") && s.Contains("Welcome to the FleetTui demo agent"), "the demo agents on screen", Slow);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("via signal"), "a state reported by an agent's hook", Slow);
        (await File.ReadAllTextAsync(startupLog)).ShouldContain("first-frame-ms");
    }

    /// <summary>Publishes into <paramref name="root"/> (its own artifacts folder: the repository's obj and bin are not touched).</summary>
    private static async Task<string> PublishAsync(string root)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "FleetTui", "FleetTui.csproj");
        var output = Path.Combine(root, "aot");
        var runtime = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var published = await DemoCommand.RunAsync(
            ["dotnet", "publish", project, "-c", "Release", "-r", runtime, "-p:PublishAot=true", "--artifacts-path", Path.Combine(root, "artifacts"), "-o", output],
            root);
        published.ExitCode.ShouldBe(0, published.Output);
        var executable = Path.Combine(output, "fleet");
        File.Exists(executable).ShouldBeTrue(published.Output);
        return executable;
    }
}
