using System.Text.Json.Nodes;
using FleetTui.Core.Agents;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class GeminiHooksInstallerTests : IAsyncLifetime
{
    private TempRepo _repo = null!;
    private string _worktree = null!;

    public async Task InitializeAsync()
    {
        _repo = await TempRepo.CreateAsync();
        _worktree = Path.Combine(_repo.RootDir, "wt");
        await _repo.RunGitAsync("worktree", "add", "--quiet", "-b", "fleet/cart", _worktree);
    }

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Installs_fleet_signal_hooks_in_the_worktrees_gemini_settings_kept_out_of_git()
    {
        var path = Path.Combine(_worktree, ".gemini", "settings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{ "ui": { "theme": "GitHub" } }""");

        await GeminiHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", ["/usr/bin/fleet"]);
        await GeminiHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", ["/usr/bin/fleet"]);

        var settings = JsonNode.Parse(File.ReadAllText(path))!;
        ((string)settings["ui"]!["theme"]!).ShouldBe("GitHub");
        var hooks = settings["hooks"]!.AsObject();
        hooks.Select(h => h.Key).ShouldBe(GeminiHooksInstaller.Events.Select(e => e.Event), ignoreOrder: true);
        ((string)hooks["AfterAgent"]![0]!["hooks"]![0]!["command"]!).ShouldBe("'/usr/bin/fleet' signal idle --task 'cart' --event 'AfterAgent' # fleet-signal");
        hooks["BeforeTool"]!.AsArray().Count.ShouldBe(1);
        (await _repo.Git.RunAsync(_worktree, ["status", "--porcelain", "--untracked-files=all"])).ShouldBeEmpty();
        Directory.Exists(Path.Combine(_repo.HomeDir, ".gemini")).ShouldBeFalse();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_settings_file_it_creates_is_the_users_alone()
    {
        await GeminiHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", ["/usr/bin/fleet"]);
        File.GetUnixFileMode(Path.Combine(_worktree, ".gemini", "settings.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
