using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Session;

/// <summary>Setup and gate commands get our values through the environment, wherever the user's template sits.</summary>
public class ShellTemplateSessionTests
{
    [Fact]
    public async Task A_branch_inside_the_users_own_double_quotes_in_setup_run_stays_text()
    {
        using var repo = await TempRepo.CreateAsync();
        var marker = Path.Combine(repo.RootDir, "PWNED");
        var branch = $"y/$(touch${{IFS}}{marker})";
        var config = FleetOf(repo, Declared("t2") with { Branch = branch }) with
        {
            Setup = new SetupConfig { Run = "echo dq=\"{branch}\" sq='{branch}' uq={branch} > out.txt" },
        };
        await using var session = await OpenAsync(repo, config);

        var created = await session.SendAsync(new SessionCommand.CreateTask("t2"));

        created.Succeeded.ShouldBeTrue(created.Message);
        File.Exists(marker).ShouldBeFalse();
        var worktree = session.Current.FindTask("t2")!.WorktreePath;
        File.ReadAllText(Path.Combine(worktree, "out.txt")).ShouldBe($"dq={branch} sq={branch} uq={branch}\n");
    }

    [Fact]
    public async Task Gate_templates_are_expanded_like_setup_run()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("api") with { Ports = ["web"] }) with
        {
            Fleet = new FleetSettings { Base = "main", Gate = "echo gate {task} {port.web}", Ports = new PortRange(47800, 47899) },
        };
        await using var session = await OpenAsync(repo, config);
        await session.SendAsync(new SessionCommand.CreateTask("api"));
        var port = session.Current.FindTask("api")!.Ports["web"];

        var gate = await new SessionMerger(session, repo.Git).RunGateAsync("api");

        gate.Succeeded.ShouldBeTrue();
        File.ReadAllText(gate.LogPath!).ShouldContain($"gate api {port}\n");
    }
}
