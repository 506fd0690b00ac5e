using System.Diagnostics;
using System.Text.Json.Nodes;
using FleetTui.Core.Agents;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClaudeHooksInstallerTests : IAsyncLifetime
{
    private TempRepo _repo = null!;
    private string _worktree = null!;
    private static readonly string[] Fleet = ["/opt/fleet tools/fleet"];

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

    private string SettingsPath => Path.Combine(_worktree, ".claude", "settings.local.json");

    private JsonObject Settings() => JsonNode.Parse(File.ReadAllText(SettingsPath))!.AsObject();

    private static IEnumerable<string> Commands(JsonNode? groups) =>
        groups!.AsArray().SelectMany(g => g!["hooks"]!.AsArray()).Select(h => (string)h!["command"]!);

    [Fact]
    public async Task Installs_one_fleet_signal_hook_per_claude_event_in_the_worktree()
    {
        await ClaudeHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", Fleet);
        var hooks = Settings()["hooks"]!;
        Commands(hooks["UserPromptSubmit"]).ShouldBe(["'/opt/fleet tools/fleet' signal working --task 'cart' --event 'UserPromptSubmit' # fleet-signal"]);
        Commands(hooks["SessionStart"]).Single().ShouldContain(" signal started ");
        Commands(hooks["PreToolUse"]).Single().ShouldContain(" signal working ");
        Commands(hooks["PostToolUse"]).Single().ShouldContain(" signal working ");
        Commands(hooks["Stop"]).Single().ShouldContain(" signal idle ");
        Commands(hooks["Notification"]).Single().ShouldContain(" signal waiting ");
        ((string)hooks["Notification"]![0]!["matcher"]!).ShouldBe("permission_prompt|elicitation_dialog");
        Commands(hooks["SessionEnd"]).Single().ShouldContain(" signal done ");
        hooks["PermissionRequest"].ShouldBeNull(); // Claude Code awaits it before taking the user's answer
        ((string)hooks["Stop"]![0]!["hooks"]![0]!["type"]!).ShouldBe("command");
    }

    [Fact]
    public async Task Merges_with_the_users_settings_and_does_not_duplicate_on_reinstall()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        File.WriteAllText(SettingsPath, """
            {
              // the user's own
              "permissions": { "allow": ["Bash(npm test)"] },
              "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "say done" } ] } ] },
            }
            """);
        await ClaudeHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", Fleet);
        await ClaudeHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", ["/usr/local/bin/fleet"]);

        var settings = Settings();
        ((string)settings["permissions"]!["allow"]![0]!).ShouldBe("Bash(npm test)");
        var stop = Commands(settings["hooks"]!["Stop"]).ToList();
        stop.ShouldBe(["say done", "'/usr/local/bin/fleet' signal idle --task 'cart' --event 'Stop' # fleet-signal"]);
        Commands(settings["hooks"]!["UserPromptSubmit"]).Count().ShouldBe(1);
    }

    [Fact]
    public async Task Keeps_the_settings_out_of_git_and_never_touches_the_users_home()
    {
        await ClaudeHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", Fleet);
        (await _repo.Git.RunAsync(_worktree, ["status", "--porcelain", "--untracked-files=all"])).ShouldBeEmpty();
        Directory.Exists(Path.Combine(_repo.HomeDir, ".claude")).ShouldBeFalse();
        File.Exists(Path.Combine(_repo.Path, ".claude", "settings.local.json")).ShouldBeFalse(); // the main checkout is not the task's
        Directory.GetFiles(Path.Combine(_worktree, ".claude")).Select(Path.GetFileName).ShouldBe(["settings.local.json"]);
    }

    [Fact]
    public async Task Refuses_invalid_json_with_its_position_and_leaves_the_file_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsPath)!);
        const string broken = "{\n  \"hooks\": [\n  oops\n}";
        File.WriteAllText(SettingsPath, broken);
        var error = await Should.ThrowAsync<InvalidDataException>(() => ClaudeHooksInstaller.InstallAsync(_repo.Git, _worktree, "cart", Fleet));
        error.Message.ShouldStartWith(SettingsPath + ":3:");
        File.ReadAllText(SettingsPath).ShouldBe(broken);
    }

    [Fact]
    public async Task The_command_reaches_fleet_as_exact_argv_through_a_shell()
    {
        // A stand-in "fleet" whose path has a space and a quote; it records the arguments it receives.
        var folder = Path.Combine(_repo.RootDir, "it's a bin");
        Directory.CreateDirectory(folder);
        var fake = Path.Combine(folder, "fleet");
        var log = Path.Combine(_repo.RootDir, "args.txt");
        File.WriteAllText(fake, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{log}'; done\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var command = ClaudeHooksInstaller.Command([fake], HookSignal.Waiting, "cart");
        var start = new ProcessStartInfo("sh") { ArgumentList = { "-c", command }, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.WaitForExit(20_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        File.ReadAllLines(log).ShouldBe(["signal", "waiting", "--task", "cart"]);
    }
}
