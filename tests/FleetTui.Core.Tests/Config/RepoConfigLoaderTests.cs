using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary><c>[repos.&lt;name&gt;]</c>, a task's <c>repos</c> and per-repository <c>base</c>: read as written, refused at file:line:col.</summary>
public class RepoConfigLoaderTests
{
    private static FleetConfig Parse(string toml) => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), "/repo/fleet.toml");

    private static string ErrorOf(string toml) => Should.Throw<ConfigException>(() => Parse(toml)).Message;

    private const string Api = "[repos.api]\npath = \"../api\"\n";

    [Fact]
    public void A_repository_is_read_with_its_path_base_shared_environment_and_setup()
    {
        var config = Parse("""
            [repos.api]
            path = "../api"
            base = "develop"
            shared_env = { API_URL = "http://localhost:3000" }

            [repos.api.setup]
            run = "bundle install"
            copy = [".env"]
            timeout = "2m"
            """);

        var api = config.FindRepo("api")!;
        api.Path.ShouldBe("../api");
        api.RootFrom("/src/front").ShouldBe("/src/api");
        api.Base.ShouldBe("develop");
        api.SharedEnv["API_URL"].ShouldBe("http://localhost:3000");
        api.Setup.Run.ShouldBe("bundle install");
        api.Setup.Copy.ShouldBe([".env"]);
        api.Setup.Timeout.ShouldBe(TimeSpan.FromMinutes(2));
        api.Position.ShouldBe(new SourcePosition(1, 8));
    }

    [Fact]
    public void A_task_lists_repositories_and_a_base_per_repository()
    {
        var config = Parse(Api + """
            [[task]]
            name = "feat-02"
            repos = ["api"]
            base.api = "feat/endpoint"
            """);

        var task = config.FindTask("feat-02")!;
        task.Repos.ShouldBe(["api"]);
        task.RepoBases["api"].ShouldBe("feat/endpoint");
        task.RepoBasePositions["api"].ShouldBe(new SourcePosition(6, 12));
        task.Base.ShouldBeNull();
    }

    [Fact]
    public void The_dot_key_of_a_base_table_is_this_repository()
    {
        var task = Parse(Api + "[[task]]\nname = \"t\"\nrepos = [\"api\"]\nbase = { \".\" = \"feat/ui\", api = \"feat/endpoint\" }\n").FindTask("t")!;

        task.Base.ShouldBe("feat/ui");
        task.BasePosition.ShouldBe(new SourcePosition(6, 16));
        task.RepoBases.Keys.ShouldBe(["api"]);
    }

    [Fact]
    public void A_repository_without_a_path_is_refused_at_its_table() =>
        ErrorOf("[repos.api]\nbase = \"main\"\n")
            .ShouldBe("fleet.toml:1:8: [repos.api] needs 'path' (the repository's root, relative to this repository's root, e.g. \"../api\")");

    [Fact]
    public void An_unknown_key_in_a_repository_is_refused_with_a_suggestion() =>
        ErrorOf(Api + "shared_envs = { A = \"b\" }\n").ShouldBe("fleet.toml:3:1: unknown key 'shared_envs' in [repos.api]; did you mean 'shared_env'?");

    [Fact]
    public void A_database_in_a_repository_setup_is_refused() =>
        ErrorOf(Api + "[repos.api.setup]\ndatabase = \"x\"\n").ShouldStartWith("fleet.toml:4:1: unknown key 'database' in [repos.api.setup]");

    [Fact]
    public void A_repository_setup_copy_leaving_the_repository_is_refused() =>
        ErrorOf(Api + "[repos.api.setup]\ncopy = [\"../x\"]\n")
            .ShouldBe("fleet.toml:4:9: 'copy' in [repos.api.setup] must list paths inside the repository, but it leaves the repository with '..': '../x'");

    [Fact]
    public void An_invalid_repository_name_is_refused() =>
        ErrorOf("[repos.Api]\npath = \"../api\"\n").ShouldBe("fleet.toml:1:8: invalid repository name 'Api': it must start with a lowercase letter");

    [Fact]
    public void Two_repository_names_with_the_same_variable_are_refused() =>
        ErrorOf("[repos.a-b]\npath = \"../x\"\n[repos.a_b]\npath = \"../y\"\n")
            .ShouldBe("fleet.toml:3:8: repository names 'a-b' and 'a_b' both become FLEET_WORKTREE_A_B");

    [Fact]
    public void An_invalid_shared_environment_name_is_refused() =>
        ErrorOf(Api + "shared_env = { 1X = \"a\" }\n")
            .ShouldBe("fleet.toml:3:16: invalid environment variable name '1X' in 'shared_env' (letters, digits and '_', not starting with a digit)");

    [Fact]
    public void A_task_listing_an_unknown_repository_is_refused_with_a_suggestion() =>
        ErrorOf(Api + "[[task]]\nname = \"t\"\nrepos = [\"api\", \"apo\"]\n")
            .ShouldBe("fleet.toml:5:17: task 't' lists unknown repository 'apo'; did you mean 'api'?");

    [Fact]
    public void A_repository_listed_twice_is_refused() =>
        ErrorOf(Api + "[[task]]\nname = \"t\"\nrepos = [\"api\", \"api\"]\n").ShouldBe("fleet.toml:5:17: repository 'api' is listed twice in 'repos'");

    [Fact]
    public void A_base_for_a_repository_the_task_does_not_include_is_refused() =>
        ErrorOf(Api + "[[task]]\nname = \"t\"\nbase.api = \"feat/x\"\n")
            .ShouldBe("fleet.toml:5:12: 'base.api' of task 't' is for a repository the task does not include (add \"api\" to its 'repos')");

    [Fact]
    public void A_base_stacking_on_a_task_without_a_worktree_in_that_repository_is_refused() =>
        ErrorOf(Api + "[[task]]\nname = \"a\"\n[[task]]\nname = \"b\"\nrepos = [\"api\"]\nbase.api = \"a\"\n")
            .ShouldBe("fleet.toml:8:12: 'base.api' of task 'b' stacks on task 'a', which has no worktree in 'api' (its 'repos' does not list it)");

    [Fact]
    public void An_invalid_per_repository_base_is_refused() =>
        ErrorOf(Api + "[[task]]\nname = \"t\"\nrepos = [\"api\"]\nbase.api = \"a..b\"\n").ShouldStartWith("fleet.toml:6:12: invalid branch name 'a..b' for 'base.api':");

    [Fact]
    public void A_base_of_the_wrong_type_is_refused() =>
        ErrorOf("[[task]]\nname = \"t\"\nbase = 3\n")
            .ShouldBe("fleet.toml:3:8: 'base' in [[task]] must be a branch name or a table of them by repository (base.api = \"feat/x\"), not an integer");
}

/// <summary><c>[services.&lt;name&gt;]</c>: read as written, refused at file:line:col.</summary>
public class ServiceConfigLoaderTests
{
    private static FleetConfig Parse(string toml) => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), "/repo/fleet.toml");

    private static string ErrorOf(string toml) => Should.Throw<ConfigException>(() => Parse(toml)).Message;

    [Fact]
    public void A_service_is_read_with_its_command_port_readiness_and_restart_policy()
    {
        var config = Parse("""
            [repos.api]
            path = "../api"

            [services.web]
            command = "npm run dev -- --port {port.web}"
            port = "web"
            ready = "http://localhost:{port.web}/health"
            ready_timeout = "5s"

            [services.api]
            command = ["rails", "s", "-p", "{port.api}"]
            repo = "api"
            port = "api"
            ready = "tcp"
            restart = "never"

            [[task]]
            name = "front"
            ports = ["web"]

            [[task]]
            name = "both"
            repos = ["api"]
            ports = ["web", "api"]
            """);

        var web = config.Services[0];
        web.Shell.ShouldBe("npm run dev -- --port {port.web}");
        web.Argv.ShouldBeNull();
        web.Ready.ShouldBe(new ServiceReadiness(ServiceReadinessKind.Http, "http://localhost:{port.web}/health"));
        web.ReadyTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        web.Restart.ShouldBe(ServiceRestart.OnFailure);
        var api = config.Services[1];
        api.Argv.ShouldBe(["rails", "s", "-p", "{port.api}"]);
        api.Repo.ShouldBe("api");
        api.Ready.Kind.ShouldBe(ServiceReadinessKind.Tcp);
        api.Restart.ShouldBe(ServiceRestart.Never);
        config.ServicesOf([]).Select(s => s.Name).ShouldBe(["web"]);
        config.ServicesOf(["api"]).Select(s => s.Name).ShouldBe(["web", "api"]);
    }

    [Fact]
    public void A_service_without_a_command_is_refused() =>
        ErrorOf("[services.web]\nport = \"web\"\n").ShouldBe("fleet.toml:1:11: [services.web] needs 'command' (a shell command line, or an argv array)");

    [Fact]
    public void A_service_of_an_unknown_repository_is_refused() =>
        ErrorOf("[services.api]\ncommand = \"x\"\nrepo = \"api\"\n").ShouldBe("fleet.toml:3:8: 'repo' in [services.api] names unknown repository 'api' (declared: none)");

    [Fact]
    public void Tcp_readiness_without_a_port_is_refused() =>
        ErrorOf("[services.web]\ncommand = \"x\"\nready = \"tcp\"\n").ShouldBe("fleet.toml:3:9: ready = \"tcp\" in [services.web] needs 'port' (the task port the service listens on)");

    [Fact]
    public void An_unknown_restart_policy_is_refused() =>
        ErrorOf("[services.web]\ncommand = \"x\"\nrestart = \"always\"\n")
            .ShouldBe("fleet.toml:3:11: invalid value 'always' for 'restart' in [services.web] (expected one of: \"never\", \"on-failure\")");

    [Fact]
    public void A_task_running_a_service_must_declare_its_port() =>
        ErrorOf("[services.web]\ncommand = \"x\"\nport = \"web\"\n[[task]]\nname = \"t\"\nports = [\"db\"]\n")
            .ShouldBe("fleet.toml:6:9: task 't' runs service 'web', which listens on port 'web': add \"web\" to its 'ports'");

    [Fact]
    public void A_service_starts_with_its_task_unless_autostart_is_false()
    {
        var config = Parse("[services.web]\ncommand = \"x\"\n\n[services.worker]\ncommand = \"y\"\nautostart = false\n");

        config.Services[0].Autostart.ShouldBeTrue();
        config.Services[1].Autostart.ShouldBeFalse();
    }

    [Fact]
    public void A_non_boolean_autostart_is_refused() =>
        ErrorOf("[services.web]\ncommand = \"x\"\nautostart = \"yes\"\n").ShouldStartWith("fleet.toml:3:13: ");

    [Fact]
    public void A_readiness_url_naming_a_port_its_tasks_do_not_declare_is_refused_where_it_is_written() =>
        ErrorOf("[services.web]\ncommand = \"x\"\nport = \"web\"\nready = \"http://localhost:{port.api}/\"\n[[task]]\nname = \"t\"\nports = [\"web\"]\n")
            .ShouldBe("fleet.toml:4:27: '{port.api}' in [services.web] applies to task 't' (line 5), which declares no port 'api'");

    [Fact]
    public void An_unknown_template_in_a_service_command_is_refused_where_it_is_written() =>
        ErrorOf("[services.web]\ncommand = [\"serve\", \"--dir\", \"{worktre}\"]\n").ShouldStartWith("fleet.toml:2:31: unknown template variable '{worktre}'");

    [Fact]
    public void A_service_env_template_is_checked_against_the_tasks_spanning_its_repository_only()
    {
        var config = Parse("""
            [repos.api]
            path = "../api"

            [services.api]
            command = "serve"
            repo = "api"
            env = { PORT = "{port.api}" }

            [[task]]
            name = "front"

            [[task]]
            name = "both"
            repos = ["api"]
            ports = ["api"]
            """);

        config.Services.Single().Env["PORT"].ShouldBe("{port.api}");
        ErrorOf("[repos.api]\npath = \"../api\"\n[services.api]\ncommand = \"serve\"\nrepo = \"api\"\nenv = { PORT = \"{port.api}\" }\n[[task]]\nname = \"both\"\nrepos = [\"api\"]\n")
            .ShouldBe("fleet.toml:6:17: '{port.api}' in [services.api] applies to task 'both' (line 7), which declares no port 'api'");
    }
}
