using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;
using static FleetTui.Core.Tests.Support.FleetFixture;

namespace FleetTui.Core.Tests.Session;

/// <summary>Several sessions (several fleet processes) on one repository: recovery under the lock, read-only sessions that never write.</summary>
public class SessionConcurrencyTests
{
    private static FleetSessionOptions Options(TempRepo repo, FleetConfig config, bool readOnly = false) => new()
    {
        RepositoryDirectory = repo.Path,
        Config = config,
        Git = repo.Git,
        ReadOnly = readOnly,
        ExtraSetupEnvironment = repo.Git.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
    };

    [Fact]
    public async Task Opening_a_session_while_another_one_sets_a_task_up_leaves_that_setup_alone()
    {
        using var repo = await TempRepo.CreateAsync();
        var release = Path.Combine(repo.RootDir, "release-setup");
        var config = FleetOf(repo, Declared("slow")) with { Setup = new SetupConfig { Run = $"while [ ! -e '{release}' ]; do sleep 0.05; done" } };
        await using var creator = await OpenAsync(repo, config);
        var creating = creator.SendAsync(new SessionCommand.CreateTask("slow"));
        (await Eventually.HoldsAsync(() => creator.Current.FindTask("slow")!.Phase == TaskPhase.SettingUp)).ShouldBeTrue();

        await using (var other = await FleetSession.OpenAsync(Options(repo, config)))
        {
            other.Current.FindTask("slow")!.Phase.ShouldBe(TaskPhase.SettingUp);
            other.Current.RecoveryNotes.ShouldBeEmpty();
        }

        new SessionStore(Path.Combine(repo.CommonDir, "fleet")).Load().Find("slow")!.Phase.ShouldBe(TaskPhase.SettingUp);
        File.WriteAllText(release, "");
        (await creating).Succeeded.ShouldBeTrue();
        new SessionStore(Path.Combine(repo.CommonDir, "fleet")).Load().Find("slow")!.Phase.ShouldBe(TaskPhase.Active);
    }

    [Fact]
    public async Task A_setup_whose_process_died_is_still_recovered_as_setup_failed()
    {
        using var repo = await TempRepo.CreateAsync();
        var store = new SessionStore(Path.Combine(repo.CommonDir, "fleet"));
        store.Update(s => s.WithTask(new TaskState
        {
            Name = "crashed", Branch = "fleet/crashed", Base = "main", Phase = TaskPhase.SettingUp,
            Worktree = Path.Combine(repo.RootDir, "repo.worktrees", "crashed"),
        }));
        Directory.CreateDirectory(Path.Combine(repo.RootDir, "repo.worktrees", "crashed"));

        await using var session = await OpenAsync(repo, FleetOf(repo, Declared("crashed")));

        session.Current.FindTask("crashed")!.Phase.ShouldBe(TaskPhase.SetupFailed);
        store.Load().Find("crashed")!.Phase.ShouldBe(TaskPhase.SetupFailed);
    }

    [Fact]
    public async Task A_read_only_session_recovers_in_its_own_copy_and_writes_nothing()
    {
        using var repo = await TempRepo.CreateAsync();
        var config = FleetOf(repo, Declared("gone"));
        await using (var first = await OpenAsync(repo, config))
            await first.SendAsync(new SessionCommand.CreateTask("gone"));
        var statePath = Path.Combine(repo.CommonDir, "fleet", "state.json");
        var before = File.ReadAllText(statePath);
        Directory.Delete(Path.Combine(repo.RootDir, "repo.worktrees", "gone"), recursive: true);

        await using (var looking = await FleetSession.OpenAsync(Options(repo, config, readOnly: true)))
        {
            await looking.SendAsync(new SessionCommand.RefreshStatus());
            looking.Current.FindTask("gone")!.Phase.ShouldBe(TaskPhase.Missing);
            looking.Current.RecoveryNotes.ShouldContain(n => n.StartsWith("gone: worktree"));
            var refused = await looking.SendAsync(new SessionCommand.MarkDone("gone"));
            refused.Succeeded.ShouldBeFalse();
            refused.Message.ShouldContain("read-only");
        }

        File.ReadAllText(statePath).ShouldBe(before);
        (await repo.RunGitAsync("worktree", "list", "--porcelain")).ShouldContain("repo.worktrees/gone"); // not pruned either
    }
}
