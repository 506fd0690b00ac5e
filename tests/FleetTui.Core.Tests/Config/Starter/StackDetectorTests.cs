using FleetTui.Core.Config.Starter;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Starter;

public class StackDetectorTests
{
    private static ProjectStack Single(StarterFolder folder) => StackDetector.Detect(folder.Root).ShouldHaveSingleItem();

    [Fact]
    public void A_folder_with_no_known_marker_has_no_stack()
    {
        using var folder = new StarterFolder().With("README.md", "# hi\n").With("Makefile", "all:\n");

        StackDetector.Detect(folder.Root).ShouldBeEmpty();
    }

    [Fact]
    public void A_single_solution_at_the_root_gets_plain_dotnet_commands_and_a_nuget_cache()
    {
        using var folder = new StarterFolder().With("Shop.sln").With("src/Shop/Shop.csproj");

        var stack = Single(folder);

        stack.Name.ShouldBe(".NET");
        stack.Evidence.ShouldBe("Shop.sln");
        stack.Setup.ShouldBe("dotnet restore");
        stack.Gate.ShouldBe("dotnet test");
        stack.Caches.ShouldBe(new Dictionary<string, string> { ["NUGET_PACKAGES"] = "{repo}/../.fleet-cache/nuget" });
    }

    [Fact]
    public void A_solution_beside_a_project_at_the_root_is_named_because_dotnet_test_alone_would_refuse()
    {
        using var folder = new StarterFolder().With("Shop.sln").With("Tool.csproj");

        var stack = Single(folder);

        stack.Gate.ShouldBe("dotnet test Shop.sln");
        stack.Setup.ShouldBe("dotnet restore Shop.sln");
    }

    [Fact]
    public void A_single_project_below_the_root_is_named_with_its_path_quoted_for_the_shell_and_braces_escaped_for_templates()
    {
        using var folder = new StarterFolder().With("src/My App {x}/App.csproj");

        var stack = Single(folder);

        stack.Gate.ShouldBe("dotnet test 'src/My App {{x}}/App.csproj'");
    }

    [Fact]
    public void Several_solutions_give_no_dotnet_command_and_say_why()
    {
        using var folder = new StarterFolder().With("A.sln").With("B.sln");

        var stack = Single(folder);

        stack.Gate.ShouldBeNull();
        stack.Setup.ShouldBeNull();
        stack.Notes.ShouldHaveSingleItem().ShouldContain("several solutions");
    }

    [Theory]
    [InlineData("package-lock.json", "Node with npm", "npm ci", "npm test", "npm_config_cache")]
    [InlineData("pnpm-lock.yaml", "Node with pnpm", "pnpm install --frozen-lockfile", "pnpm test", null)]
    [InlineData("yarn.lock", "Node with yarn 1", "yarn install --frozen-lockfile", "yarn test", "YARN_CACHE_FOLDER")]
    [InlineData("bun.lockb", "Node with bun", "bun install --frozen-lockfile", "bun run test", "BUN_INSTALL_CACHE_DIR")]
    [InlineData("bun.lock", "Node with bun", "bun install --frozen-lockfile", "bun run test", "BUN_INSTALL_CACHE_DIR")]
    public void A_node_lockfile_names_the_package_manager_its_frozen_install_its_test_script_and_its_cache(
        string lockfile, string name, string setup, string gate, string? cache)
    {
        using var folder = new StarterFolder().With("package.json", """{ "scripts": { "test": "vitest run" } }""").With(lockfile);

        var stack = Single(folder);

        stack.Name.ShouldBe(name);
        stack.Evidence.ShouldBe($"package.json, {lockfile}");
        stack.Setup.ShouldBe(setup);
        stack.Gate.ShouldBe(gate);
        stack.Caches.Keys.ShouldBe(cache is null ? [] : [cache]);
        stack.Outputs.ShouldBe(["node_modules/"]);
    }

    [Fact]
    public void Yarn_with_a_yarnrc_yml_is_yarn_2_or_later_with_immutable_installs_and_no_cache()
    {
        using var folder = new StarterFolder().With("package.json", """{ "scripts": { "test": "jest" } }""").With("yarn.lock").With(".yarnrc.yml");

        var stack = Single(folder);

        stack.Name.ShouldBe("Node with yarn");
        stack.Setup.ShouldBe("yarn install --immutable");
        stack.Caches.ShouldBeEmpty();
    }

    [Fact]
    public void The_package_manager_field_wins_over_a_stray_lockfile()
    {
        using var folder = new StarterFolder()
            .With("package.json", """{ "packageManager": "pnpm@9.12.0", "scripts": { "test": "vitest" } }""")
            .With("package-lock.json").With("pnpm-lock.yaml");

        var stack = Single(folder);

        stack.Name.ShouldBe("Node with pnpm");
        stack.Setup.ShouldBe("pnpm install --frozen-lockfile");
        stack.Notes.ShouldContain(n => n.Contains("several package managers"));
    }

    [Fact]
    public void Without_a_lockfile_npm_installs_without_writing_one_so_new_worktrees_stay_clean()
    {
        using var folder = new StarterFolder().With("package.json", """{ "name": "x" }""");

        var stack = Single(folder);

        stack.Setup.ShouldBe("npm install --no-package-lock");
    }

    [Theory]
    [InlineData("""{ "scripts": { "test": "echo \"Error: no test specified\" && exit 1" } }""")]
    [InlineData("""{ "scripts": { "build": "tsc" } }""")]
    [InlineData("""{ "scripts": """)]
    public void A_package_without_a_real_test_script_gets_no_gate_and_a_note(string packageJson)
    {
        using var folder = new StarterFolder().With("package.json", packageJson).With("package-lock.json");

        var stack = Single(folder);

        stack.Gate.ShouldBeNull();
        stack.Setup.ShouldBe("npm ci");
        stack.Notes.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_uv_lock_means_uv_with_a_frozen_sync_and_pytest_when_the_project_names_it()
    {
        using var folder = new StarterFolder()
            .With("pyproject.toml", "[project]\nname = \"x\"\n[dependency-groups]\ndev = [\"pytest>=8\"]\n").With("uv.lock");

        var stack = Single(folder);

        stack.Name.ShouldBe("Python with uv");
        stack.Setup.ShouldBe("uv sync --frozen");
        stack.Gate.ShouldBe("uv run --frozen pytest");
        stack.Caches.Keys.ShouldBe(["UV_CACHE_DIR"]);
    }

    [Fact]
    public void Poetry_gets_its_install_and_no_cache_because_its_virtualenvs_live_there()
    {
        using var folder = new StarterFolder().With("pyproject.toml", "[tool.poetry]\nname = \"x\"\n[tool.poetry.group.dev.dependencies]\npytest = \"*\"\n");

        var stack = Single(folder);

        stack.Name.ShouldBe("Python with poetry");
        stack.Setup.ShouldBe("poetry install");
        stack.Gate.ShouldBe("poetry run pytest");
        stack.Caches.ShouldBeEmpty();
    }

    [Fact]
    public void Requirements_files_mean_pip_in_a_worktree_virtualenv_that_git_ignores()
    {
        using var folder = new StarterFolder().With("requirements.txt", "requests\n").With("requirements-dev.txt", "pytest\n");

        var stack = Single(folder);

        stack.Name.ShouldBe("Python with pip");
        stack.Setup.ShouldBe("python3 -m venv .venv && printf '*\\n' > .venv/.gitignore && .venv/bin/python -m pip install -r requirements.txt -r requirements-dev.txt");
        stack.Gate.ShouldBe(".venv/bin/python -m pytest");
        stack.Caches.Keys.ShouldBe(["PIP_CACHE_DIR"]);
    }

    [Fact]
    public void A_pip_project_without_pytest_in_its_requirements_gets_no_gate()
    {
        using var folder = new StarterFolder().With("pyproject.toml", "[project]\nname = \"x\"\n");

        var stack = Single(folder);

        stack.Setup.ShouldEndWith("pip install -e .");
        stack.Gate.ShouldBeNull();
    }

    [Fact]
    public void Go_and_rust_get_their_fetch_and_test_commands()
    {
        using var go = new StarterFolder().With("go.mod", "module example.com/x\n");
        using var rust = new StarterFolder().With("Cargo.toml", "[package]\nname = \"x\"\n");

        var goStack = Single(go);
        var rustStack = Single(rust);

        (goStack.Setup, goStack.Gate).ShouldBe(("go mod download", "go test ./..."));
        goStack.Caches.Keys.ShouldBe(["GOMODCACHE"]);
        (rustStack.Setup, rustStack.Gate).ShouldBe(("cargo fetch", "cargo test"));
        rustStack.Caches.ShouldBeEmpty();
    }

    [Fact]
    public void Several_toolchains_are_all_found_in_a_fixed_order()
    {
        using var folder = new StarterFolder().With("Api.csproj").With("package.json", """{ "scripts": { "test": "vitest" } }""").With("package-lock.json");

        StackDetector.Detect(folder.Root).Select(s => s.Name).ShouldBe([".NET", "Node with npm"]);
    }

    [Fact]
    public void Dependency_and_hidden_folders_are_not_searched_for_projects()
    {
        using var folder = new StarterFolder().With("node_modules/pkg/pkg.csproj").With(".git/x/y.sln");

        StackDetector.Detect(folder.Root).ShouldBeEmpty();
    }
}
