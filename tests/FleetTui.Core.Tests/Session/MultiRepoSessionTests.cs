using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Session;

/// <summary>Tasks spanning two real repositories: a worktree in each, one set of ports, all-or-nothing creation, status, removal.</summary>
public class MultiRepoSessionTests
{
    // The setups write beside the worktrees, not in them: a file they left inside would be work a removal refuses to lose.

    /// <summary>fleet.toml at the repository root with an api repository beside it, loaded as `fleet` loads it.</summary>
    private static async Task<(TempRepo Repo, string Api, FleetConfig Config)> FleetAsync(string tasks, string extra = "")
    {
        var repo = await TempRepo.CreateAsync();
        var api = await repo.AddSiblingRepositoryAsync("api");
        var toml = $$"""
            [fleet]
            base = "main"
            ports = { first = 47900, last = 47999 }

            [setup]
            run = "env | grep -E '^(FLEET_|API_URL=|CACHE_URL=)' | sort > \"$PWD.env.txt\""

            [repos.api]
            path = "../api"
            shared_env = { API_URL = "http://localhost:3000" }

            [repos.api.setup]
            run = "echo \"api setup of $FLEET_TASK in $PWD on port $FLEET_PORT_WEB\" > \"$PWD.setup.txt\""

            [repos.cache]
            path = "../cache"
            shared_env = { CACHE_URL = "redis://localhost:6379" }

            {{extra}}
            {{tasks}}
            """;
        await repo.AddSiblingRepositoryAsync("cache");
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), toml);
        return (repo, api, ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml")));
    }

    private static Dictionary<string, string> EnvFile(string worktree) =>
        File.ReadAllLines(worktree + ".env.txt").Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    [Fact]
    public async Task A_task_spanning_two_repositories_gets_a_worktree_in_each_on_one_branch_with_one_set_of_ports()
    {
        var (repo, api, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\nports = [\"web\"]\n");
        using var _ = repo;
        await repo.Git.RunAsync(api, ["branch", "feat/endpoint"]);
        await using var session = await FleetFixture.OpenAsync(repo, config);

        var result = await session.SendAsync(new SessionCommand.CreateTask("feat-02"));

        result.Succeeded.ShouldBeTrue(result.Message);
        var task = session.Current.FindTask("feat-02")!;
        var apiWorktree = Path.Combine(repo.RootDir, "api.worktrees", "feat-02");
        task.Repos.Select(r => (r.Name, r.WorktreePath, r.BaseBranch)).ShouldBe([("api", apiWorktree, "main")]);
        (await repo.Git.RunAsync(apiWorktree, ["symbolic-ref", "--short", "HEAD"])).Trim().ShouldBe("fleet/feat-02");
        File.ReadAllText(apiWorktree + ".setup.txt").ShouldBe($"api setup of feat-02 in {apiWorktree} on port {task.Ports["web"]}\n");
        var env = EnvFile(task.WorktreePath);
        env["FLEET_WORKTREE_API"].ShouldBe(apiWorktree);
        env.ShouldNotContainKey("API_URL"); // it has its own API
        env["CACHE_URL"].ShouldBe("redis://localhost:6379"); // the main stack's cache: it does not include that repository
        env.ShouldNotContainKey("FLEET_WORKTREE_CACHE");
        task.Repos[0].Status.ShouldNotBeNull().Ahead.ShouldBe(0);
    }

    [Fact]
    public async Task A_task_not_including_a_repository_gets_its_shared_environment()
    {
        var (repo, _, config) = await FleetAsync("[[task]]\nname = \"feat-01\"\n");
        using var __ = repo;
        await using var session = await FleetFixture.OpenAsync(repo, config);

        (await session.SendAsync(new SessionCommand.CreateTask("feat-01"))).Succeeded.ShouldBeTrue();

        var env = EnvFile(session.Current.FindTask("feat-01")!.WorktreePath);
        env["API_URL"].ShouldBe("http://localhost:3000");
        env["CACHE_URL"].ShouldBe("redis://localhost:6379");
        env.Keys.ShouldNotContain(k => k.StartsWith("FLEET_WORKTREE_", StringComparison.Ordinal));
        Directory.Exists(Path.Combine(repo.RootDir, "api.worktrees")).ShouldBeFalse();
    }

    [Fact]
    public async Task Each_repository_starts_from_its_own_base()
    {
        var (repo, api, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\nbase.api = \"feat/endpoint\"\n");
        using var _ = repo;
        await repo.Git.RunAsync(api, ["checkout", "--quiet", "-b", "feat/endpoint"]);
        var endpointTip = await repo.CommitFileAsync("endpoint.rb", "get '/x'\n", "endpoint", api);
        await repo.Git.RunAsync(api, ["checkout", "--quiet", "main"]);
        await using var session = await FleetFixture.OpenAsync(repo, config);

        (await session.SendAsync(new SessionCommand.CreateTask("feat-02"))).Succeeded.ShouldBeTrue();

        var apiWorktree = session.Current.FindTask("feat-02")!.Repos[0];
        apiWorktree.BaseBranch.ShouldBe("feat/endpoint");
        (await repo.Git.RunAsync(apiWorktree.WorktreePath, ["rev-parse", "HEAD"])).Trim().ShouldBe(endpointTip);
        (await repo.Git.RunAsync(session.Current.FindTask("feat-02")!.WorktreePath, ["rev-parse", "HEAD"])).Trim()
            .ShouldBe((await repo.RunGitAsync("rev-parse", "main")).Trim());
    }

    [Fact]
    public async Task A_failure_in_the_second_repository_leaves_no_worktree_and_no_branch_in_the_first()
    {
        var (repo, api, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\n");
        using var _ = repo;
        await repo.Git.RunAsync(api, ["branch", "fleet/feat-02"]); // taken in api only
        await using var session = await FleetFixture.OpenAsync(repo, config);

        var result = await session.SendAsync(new SessionCommand.CreateTask("feat-02"));

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("in repository 'api'");
        result.Message.ShouldContain("branch 'fleet/feat-02' already exists");
        result.Message.ShouldContain("Nothing was kept");
        Directory.Exists(Path.Combine(repo.RootDir, "repo.worktrees", "feat-02")).ShouldBeFalse();
        (await repo.RunGitAsync("branch", "--list", "fleet/feat-02")).ShouldBeEmpty();
        (await repo.RunGitAsync("worktree", "list", "--porcelain")).ShouldNotContain("feat-02");
        session.Current.FindTask("feat-02")!.Phase.ShouldBe(TaskPhase.Pending);
        new SessionStore(Path.Combine(repo.CommonDir, "fleet")).Load().Find("feat-02").ShouldBeNull();
    }

    [Fact]
    public async Task Removal_refuses_when_only_the_second_repository_has_work_and_names_it()
    {
        var (repo, api, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\n");
        using var _ = repo;
        await using var session = await FleetFixture.OpenAsync(repo, config);
        (await session.SendAsync(new SessionCommand.CreateTask("feat-02"))).Succeeded.ShouldBeTrue();
        var task = session.Current.FindTask("feat-02")!;
        var apiWorktree = task.Repos[0].WorktreePath;
        await repo.CommitFileAsync("routes.rb", "get '/y'\n", "api route", apiWorktree);
        repo.WriteFile("draft.rb", "wip\n", apiWorktree);

        var refused = await session.SendAsync(new SessionCommand.DestroyTask("feat-02"));

        refused.Succeeded.ShouldBeFalse();
        refused.Details.ShouldContain(l => l.Contains("[api] draft.rb"));
        refused.Details.ShouldContain(l => l.Contains("[api] api route"));
        Directory.Exists(task.WorktreePath).ShouldBeTrue();
        Directory.Exists(apiWorktree).ShouldBeTrue();
        (await session.DescribeLossAsync("feat-02")).Lines.ShouldBe(
            ["uncommitted: [api] draft.rb", $"unmerged commit: {(await repo.Git.RunAsync(apiWorktree, ["rev-parse", "--short=7", "HEAD"])).Trim()} [api] api route"]);

        var forced = await session.SendAsync(new SessionCommand.DestroyTask("feat-02", Force: true));

        forced.Succeeded.ShouldBeTrue(forced.Message);
        Directory.Exists(task.WorktreePath).ShouldBeFalse();
        Directory.Exists(apiWorktree).ShouldBeFalse();
        (await repo.Git.RunAsync(api, ["for-each-ref", "--format=%(refname)", "refs/fleet/rescued/"])).ShouldContain("refs/fleet/rescued/feat-02/");
        forced.Details.ShouldContain(l => l.StartsWith("[api] refs/fleet/rescued/feat-02/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removal_of_a_task_with_nothing_to_lose_removes_its_worktree_and_branch_in_every_repository()
    {
        var (repo, api, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\n");
        using var _ = repo;
        await using var session = await FleetFixture.OpenAsync(repo, config);
        (await session.SendAsync(new SessionCommand.CreateTask("feat-02"))).Succeeded.ShouldBeTrue();

        var removed = await session.SendAsync(new SessionCommand.DestroyTask("feat-02"));

        removed.Succeeded.ShouldBeTrue(removed.Message);
        removed.Message.ShouldContain("api: worktree");
        (await repo.Git.RunAsync(api, ["branch", "--list", "fleet/feat-02"])).ShouldBeEmpty();
        (await repo.RunGitAsync("branch", "--list", "fleet/feat-02")).ShouldBeEmpty();
        Directory.Exists(Path.Combine(repo.RootDir, "api.worktrees", "feat-02")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_status_of_each_repository_is_read_under_the_task()
    {
        var (repo, _, config) = await FleetAsync("[[task]]\nname = \"feat-02\"\nrepos = [\"api\"]\n");
        using var __ = repo;
        await using var session = await FleetFixture.OpenAsync(repo, config);
        (await session.SendAsync(new SessionCommand.CreateTask("feat-02"))).Succeeded.ShouldBeTrue();
        var apiWorktree = session.Current.FindTask("feat-02")!.Repos[0].WorktreePath;
        await repo.CommitFileAsync("a.rb", "1\n", "one", apiWorktree);
        await repo.CommitFileAsync("b.rb", "2\n", "two", apiWorktree);

        await session.SendAsync(new SessionCommand.RefreshStatus());

        var status = session.Current.FindTask("feat-02")!.Repos[0].Status.ShouldNotBeNull();
        status.Ahead.ShouldBe(2);
        status.LastCommit!.Subject.ShouldBe("two");
        session.Current.FindTask("feat-02")!.Status!.Ahead.ShouldBe(0);
    }

    [Fact]
    public async Task A_task_added_on_the_command_line_spans_the_repositories_it_names_from_the_bases_it_names()
    {
        var (repo, api, config) = await FleetAsync("");
        using var _ = repo;
        await repo.Git.RunAsync(api, ["branch", "feat/endpoint"]);
        await using var session = await FleetFixture.OpenAsync(repo, config);

        var unknown = await session.SendAsync(new SessionCommand.NewTask("x", Repos: ["apo"]));
        var badBase = await session.SendAsync(new SessionCommand.NewTask("x", Repos: ["api"], RepoBases: new Dictionary<string, string> { ["api"] = "nope" }));
        var created = await session.SendAsync(new SessionCommand.NewTask("feat-03", Repos: ["api"], RepoBases: new Dictionary<string, string> { ["api"] = "feat/endpoint" }));

        unknown.Message.ShouldBe("Unknown repository 'apo' (declared: api, cache).");
        badBase.Message.ShouldStartWith("Unknown base 'nope' for repository 'api'");
        created.Succeeded.ShouldBeTrue(created.Message);
        var task = session.Current.FindTask("feat-03")!;
        task.Repos.Single().BaseBranch.ShouldBe("feat/endpoint");
        Directory.Exists(task.Repos.Single().WorktreePath).ShouldBeTrue();
        EnvFile(task.WorktreePath)["FLEET_WORKTREE_API"].ShouldBe(task.Repos.Single().WorktreePath);
    }

    [Fact]
    public async Task A_repository_path_that_is_not_a_repository_stops_the_session_at_its_line()
    {
        var (repo, _, _) = await FleetAsync("");
        using var __ = repo;
        var toml = "[repos.web]\npath = \"../nowhere\"\n";
        File.WriteAllText(Path.Combine(repo.Path, "fleet.toml"), toml);
        Directory.CreateDirectory(Path.Combine(repo.RootDir, "nowhere"));
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml"));

        var error = await Should.ThrowAsync<ConfigException>(() => FleetFixture.OpenAsync(repo, config));

        error.Message.ShouldBe($"fleet.toml:2:8: 'path' of [repos.web] is not a git repository: {Path.Combine(repo.RootDir, "nowhere")}");
    }
}
