using FleetTui.Cli;
using FleetTui.Core.Config;
using FleetTui.Core.Tests.Support;
using FleetTui.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Cli;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class InitVerbTests
{
    /// <summary>
    /// A stand-in for every toolchain program: prints what it was asked and the cache variables it got (into the setup log), and
    /// for <c>python3 -m venv DIR</c> makes DIR/bin/python (itself), as the real one would.
    /// </summary>
    private const string Toolchain = """
        echo "ran: $(basename "$0") $*"
        env | grep -E '^(NUGET_PACKAGES|npm_config_cache|YARN_CACHE_FOLDER|BUN_INSTALL_CACHE_DIR|UV_CACHE_DIR|PIP_CACHE_DIR|GOMODCACHE)=' | sort
        if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
        exit 0
        """;

    public static TheoryData<string, string[], string, string?, string?> Stacks => new()
    {
        // kind, marker files, what setup ran, the gate, the cache variable
        { ".NET", ["Shop.sln", "src/Shop/Shop.csproj"], "ran: dotnet restore", "dotnet test", "NUGET_PACKAGES" },
        { "npm", ["package.json", "package-lock.json"], "ran: npm ci", "npm test", "npm_config_cache" },
        { "pnpm", ["package.json", "pnpm-lock.yaml"], "ran: pnpm install --frozen-lockfile", "pnpm test", null },
        { "yarn", ["package.json", "yarn.lock"], "ran: yarn install --frozen-lockfile", "yarn test", "YARN_CACHE_FOLDER" },
        { "bun", ["package.json", "bun.lock"], "ran: bun install --frozen-lockfile", "bun run test", "BUN_INSTALL_CACHE_DIR" },
        { "uv", ["pyproject.toml", "uv.lock"], "ran: uv sync --frozen", "uv run --frozen pytest", "UV_CACHE_DIR" },
        { "poetry", ["pyproject.toml", "poetry.lock"], "ran: poetry install", "poetry run pytest", null },
        { "pip", ["requirements.txt"], "ran: python -m pip install -r requirements.txt", ".venv/bin/python -m pytest", "PIP_CACHE_DIR" },
        { "Go", ["go.mod"], "ran: go mod download", "go test ./...", "GOMODCACHE" },
        { "Rust", ["Cargo.toml"], "ran: cargo fetch", "cargo test", null },
    };

    private static string Content(string marker) => marker switch
    {
        "package.json" => """{ "name": "shop", "scripts": { "test": "node --test" } }""",
        "pyproject.toml" => "[project]\nname = \"shop\"\n[dependency-groups]\ndev = [\"pytest\"]\n",
        "requirements.txt" => "pytest\n",
        "go.mod" => "module example.com/shop\n",
        "Cargo.toml" => "[package]\nname = \"shop\"\n",
        _ => "",
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Init_then_new_then_ps_succeed_on_a_bare_repository_of_each_kind(string kind, string[] markers, string setupRan, string? gate, string? cache)
    {
        using var repo = await TempRepo.CreateAsync();
        foreach (var marker in markers)
            repo.WriteFile(marker, Content(marker));
        await repo.CommitAllAsync($"a {kind} project");
        using var fakes = new FakePrograms().Add("codex", "exit 0");
        foreach (var program in new[] { "dotnet", "npm", "pnpm", "yarn", "bun", "uv", "poetry", "python3", "go", "cargo" })
            fakes.Add(program, Toolchain);
        var environment = new Dictionary<string, string?> { ["PATH"] = fakes.Path };

        var init = VerbRunner.RunWith(repo, environment, "init");
        var created = VerbRunner.RunWith(repo, environment, "new", "alpha");
        var ps = VerbRunner.RunWith(repo, environment, "ps");

        init.ExitCode.ShouldBe(ExitCodes.Ok, init.Error);
        created.ExitCode.ShouldBe(ExitCodes.Ok, created.Error + created.Out);
        ps.ExitCode.ShouldBe(ExitCodes.Ok, ps.Error);
        ps.Out.ShouldContain("alpha");
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml"));
        config.Fleet.Base.ShouldBe("main");
        config.Fleet.Agent.ShouldBe(AgentRef.Preset("codex"));
        config.Fleet.Gate.ShouldBe(gate);
        config.Tasks.ShouldBeEmpty();
        var setupLog = await File.ReadAllTextAsync(Path.Combine(repo.CommonDir, "fleet", "logs", "alpha", "setup.log"));
        setupLog.ShouldContain(setupRan);
        var worktree = Path.Combine(repo.RootDir, "repo.worktrees", "alpha");
        if (cache is not null)
        {
            var folder = Path.GetFullPath(config.Setup.Caches[cache].Replace("{repo}", repo.Path, StringComparison.Ordinal));
            setupLog.ShouldContain($"{cache}={folder}");
            Directory.Exists(folder).ShouldBeTrue();
            Path.GetRelativePath(repo.Path, folder).ShouldStartWith("..", customMessage: "a cache inside the checkout would show up in git status");
        }
        (await repo.Git.RunAsync(worktree, ["status", "--porcelain"])).ShouldBeEmpty("setup must leave a new worktree clean");
    }

    [Fact]
    public async Task On_a_repository_with_no_known_toolchain_and_no_agent_init_writes_a_shell_fleet_with_no_gate_and_new_succeeds()
    {
        using var repo = await TempRepo.CreateAsync();
        using var fakes = new FakePrograms();
        var environment = new Dictionary<string, string?> { ["PATH"] = fakes.Path };

        var init = VerbRunner.RunWith(repo, environment, "init");
        var created = VerbRunner.RunWith(repo, environment, "new", "alpha");

        init.ExitCode.ShouldBe(ExitCodes.Ok, init.Error);
        init.Out.ShouldContain("toolchain: none found");
        created.ExitCode.ShouldBe(ExitCodes.Ok, created.Error);
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml"));
        config.Fleet.Agent.ShouldBe(AgentRef.Preset("shell"));
        config.Fleet.Gate.ShouldBeNull();
        config.Setup.Run.ShouldBeNull();
    }

    [Fact]
    public async Task After_init_a_ticket_task_is_appended_below_the_reference_and_the_file_still_loads()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("tickets/login.md", "Add a login page.\n");
        await repo.CommitAllAsync("a ticket");
        VerbRunner.Run(repo, "init").ExitCode.ShouldBe(ExitCodes.Ok);

        var added = VerbRunner.Run(repo, "new", "--ticket", "tickets/login.md");

        added.ExitCode.ShouldBe(ExitCodes.Ok, added.Error);
        ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml")).Tasks.ShouldHaveSingleItem().Name.ShouldBe("login");
    }

    [Fact]
    public async Task Init_writes_the_current_branch_as_base()
    {
        using var repo = await TempRepo.CreateAsync();
        await repo.RunGitAsync("switch", "--quiet", "-c", "develop");

        var init = VerbRunner.Run(repo, "init");

        init.ExitCode.ShouldBe(ExitCodes.Ok, init.Error);
        ConfigLoader.Load(Path.Combine(repo.Path, "fleet.toml")).Fleet.Base.ShouldBe("develop");
    }

    [Fact]
    public async Task Init_names_output_folders_git_would_show_as_uncommitted_changes()
    {
        using var repo = await TempRepo.CreateAsync();
        repo.WriteFile("package.json", """{ "scripts": { "test": "node --test" } }""");
        repo.WriteFile("Cargo.toml", "[package]\nname = \"x\"\n");
        repo.WriteFile(".gitignore", "target/\n");
        await repo.CommitAllAsync("node and rust");

        var init = VerbRunner.Run(repo, "init");

        init.Out.ShouldContain("git does not ignore node_modules/: add it");
        init.Out.ShouldNotContain("target/");
    }

    [Fact]
    public async Task Init_run_from_a_subfolder_writes_at_the_root_and_refuses_a_second_time_without_touching_the_file()
    {
        using var repo = await TempRepo.CreateAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, "src"));

        var first = VerbRunner.RunIn(repo, Path.Combine(repo.Path, "src"), "init");
        var written = await File.ReadAllTextAsync(Path.Combine(repo.Path, "fleet.toml"));
        var second = VerbRunner.Run(repo, "init");

        first.ExitCode.ShouldBe(ExitCodes.Ok, first.Error);
        File.Exists(Path.Combine(repo.Path, "src", "fleet.toml")).ShouldBeFalse();
        second.ExitCode.ShouldBe(ExitCodes.Failed);
        second.Error.ShouldContain("already exists");
        (await File.ReadAllTextAsync(Path.Combine(repo.Path, "fleet.toml"))).ShouldBe(written);
    }

    [Fact]
    public async Task Init_outside_a_repository_exits_with_no_repository_and_writes_nothing()
    {
        using var repo = await TempRepo.CreateAsync();

        var outcome = VerbRunner.RunIn(repo, repo.HomeDir, "init");

        outcome.ExitCode.ShouldBe(ExitCodes.NoRepository);
        outcome.Error.ShouldContain("not inside a git repository");
        File.Exists(Path.Combine(repo.HomeDir, "fleet.toml")).ShouldBeFalse();
    }
}
