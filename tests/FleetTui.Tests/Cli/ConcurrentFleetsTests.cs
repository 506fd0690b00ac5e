using System.Text.Json;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

/// <summary>Several real fleet processes on one repository at once, and one that cannot write everything it would like to.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ConcurrentFleetsTests
{
    private static string StatePath(TempRepo repo) => Path.Combine(repo.CommonDir, "fleet", "state.json");

    private static async Task<Dictionary<string, string>> PhasesAsync(TempRepo repo, bool asOrdinaryUser = false)
    {
        var ps = await FleetProcess.RunAsync(repo, ["ps", "--json"], asOrdinaryUser);
        ps.ExitCode.ShouldBe(0, ps.Error);
        using var json = JsonDocument.Parse(ps.Out);
        return json.RootElement.GetProperty("tasks").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("phase").GetString()!);
    }

    [Fact]
    public async Task Ten_fleet_new_processes_at_once_all_end_active()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => FleetProcess.RunAsync(repo, "new", $"p{i}")));

        outcomes.ShouldAllBe(o => o.ExitCode == 0, string.Join("\n", outcomes.Select(o => o.Error)));
        var phases = await PhasesAsync(repo);
        phases.Count.ShouldBe(10);
        phases.Values.ShouldAllBe(phase => phase == "active", string.Join(", ", phases));
    }

    [Fact]
    public async Task Ps_writes_nothing_even_when_recovery_finds_something_to_repair()
    {
        using var repo = await TempRepo.CreateAsync();
        (await FleetProcess.RunAsync(repo, "new", "gone")).ExitCode.ShouldBe(0);
        Directory.Delete(Path.Combine(repo.RootDir, "repo.worktrees", "gone"), recursive: true);
        var before = File.ReadAllBytes(StatePath(repo));

        var ps = await FleetProcess.RunAsync(repo, "ps");

        ps.ExitCode.ShouldBe(0, ps.Error);
        ps.Out.ShouldContain("missing");
        File.ReadAllBytes(StatePath(repo)).ShouldBe(before);
        (await repo.RunGitAsync("worktree", "list", "--porcelain")).ShouldContain("repo.worktrees/gone"); // not pruned either
    }

    [Fact]
    public async Task A_read_only_state_json_breaks_no_later_write_and_leaves_no_ghost_task()
    {
        using var repo = await TempRepo.CreateAsync();
        await FleetProcess.AsOrdinaryUser(repo);
        (await FleetProcess.RunAsync(repo, ["new", "a"], asOrdinaryUser: true)).ExitCode.ShouldBe(0);
        File.SetUnixFileMode(StatePath(repo), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var b = await FleetProcess.RunAsync(repo, ["new", "b"], asOrdinaryUser: true);
        var c = await FleetProcess.RunAsync(repo, ["new", "c"], asOrdinaryUser: true);

        b.ExitCode.ShouldBe(0, b.Error);
        c.ExitCode.ShouldBe(0, c.Error);
        (await PhasesAsync(repo, asOrdinaryUser: true)).ShouldBe(new Dictionary<string, string> { ["a"] = "active", ["b"] = "active", ["c"] = "active" }, ignoreOrder: true);
    }
}
