using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>fleet.toml written to break the loader or to make fleet write where it must not: each fails with file:line:col.</summary>
public class ConfigLoaderHostileInputTests
{
    /// <summary>A repository under a folder that is neither home nor temp, so "outside" is meaningful.</summary>
    private const string SourcePath = "/srv/code/shop/fleet.toml";

    private static string ErrorOf(string toml) =>
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), SourcePath)).Message;

    [Fact]
    public void A_hundred_thousand_deep_table_header_is_an_error_with_a_position()
    {
        ErrorOf(new string('[', 100_000) + "\n").ShouldStartWith("fleet.toml:1:");
    }

    [Fact]
    public void Deeply_nested_inline_tables_are_an_error_with_a_position()
    {
        var toml = "a = " + string.Concat(Enumerable.Repeat("{ b = ", 100_000)) + "1" + new string('}', 100_000) + "\n";

        ErrorOf(toml).ShouldStartWith("fleet.toml:1:");
    }

    [Fact]
    public void Deeply_nested_arrays_are_an_error_with_a_position()
    {
        var toml = "[fleet]\nenv = " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        ErrorOf(toml).ShouldStartWith("fleet.toml:2:");
    }

    [Fact]
    public void Moderately_nested_values_are_still_read()
    {
        ErrorOf("[fleet]\nenv = [[[[1]]]]\n").ShouldBe("fleet.toml:2:7: 'env' in [fleet] must be a table, not an array");
    }

    [Fact]
    public void A_nul_in_a_string_value_is_rejected_where_it_is_written()
    {
        ErrorOf("[[task]]\nname = \"a\"\nenv = { A = \"x\\u0000y\" }\n")
            .ShouldBe("fleet.toml:3:13: a string must not contain a NUL character (\\u0000): programs would see it cut short");
    }

    [Fact]
    public void A_nul_in_a_quoted_key_is_rejected()
    {
        ErrorOf("[fleet]\nenv = { \"A\\u0000B\" = \"x\" }\n")
            .ShouldBe("fleet.toml:2:9: a key must not contain a NUL character (\\u0000): programs would see it cut short");
    }

    [Fact]
    public void Worktrees_inside_the_repository_checkout_are_rejected()
    {
        ErrorOf("[fleet]\nworktrees = \".worktrees/{task}\"\n")
            .ShouldBe("fleet.toml:2:13: 'worktrees' in [fleet] puts worktrees inside the repository's own checkout " +
                      "(/srv/code/shop/.worktrees/<task>); git would see them as untracked files of every worktree. Use a folder outside it, " +
                      "e.g. \"../{repo}.worktrees/{task}\"");
    }

    [Fact]
    public void Worktrees_inside_dot_git_are_rejected()
    {
        ErrorOf("[fleet]\nworktrees = \".git/wt/{task}\"\n").ShouldStartWith("fleet.toml:2:13: 'worktrees' in [fleet] puts worktrees inside the repository's own checkout");
    }

    [Fact]
    public void Worktrees_that_climb_back_into_the_repository_are_rejected()
    {
        ErrorOf("[fleet]\nworktrees = \"../{repo}/{task}\"\n").ShouldStartWith("fleet.toml:2:13: 'worktrees' in [fleet] puts worktrees inside");
    }

    [Fact]
    public void Worktrees_beside_the_repository_are_accepted()
    {
        ConfigLoader.Parse("[fleet]\nworktrees = \"../wt/{task}\"\n", SourcePath).Fleet.Worktrees.ShouldBe("../wt/{task}");
    }

    [Fact]
    public void A_cache_outside_home_the_repository_parent_and_temp_is_rejected()
    {
        ErrorOf("[setup]\ncaches = { CARGO_HOME = \"/etc/t1\" }\n")
            .ShouldBe("fleet.toml:2:25: 'caches.CARGO_HOME' in [setup] resolves to /etc/t1, outside your home, the repository's parent " +
                      "folder (/srv/code) and the temp folder; fleet creates cache folders, so they must live in one of those");
    }

    [Fact]
    public void A_cache_escaping_with_dot_dots_is_rejected()
    {
        ErrorOf("[setup]\ncaches = { C = \"{repo}/../../../etc/{task}\" }\n").ShouldStartWith("fleet.toml:2:16: 'caches.C' in [setup] resolves to /etc/");
    }

    [Fact]
    public void Caches_beside_the_repository_in_home_or_in_temp_are_accepted()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var toml = $"[setup]\ncaches = {{ A = \"{{repo}}/../.cache/a\", B = \"{home}/.cache/b\", C = \"{Path.GetTempPath()}c\" }}\n";

        ConfigLoader.Parse(toml, SourcePath).Setup.Caches.Count.ShouldBe(3);
    }

    [Fact]
    public void Repos_in_fleet_is_refused_naming_where_repositories_are_declared()
    {
        ErrorOf("[fleet]\nrepos = { web = \"../web\" }\n")
            .ShouldBe("fleet.toml:2:1: 'repos' does not belong in [fleet]: repositories are declared at the top level, one table each: [repos.<name>] with path = \"../other\"");
    }

    [Fact]
    public void Repos_in_a_task_must_name_a_declared_repository()
    {
        ErrorOf("[[task]]\nname = \"a\"\nrepos = [\"web\"]\n")
            .ShouldBe("fleet.toml:3:10: task 'a' lists unknown repository 'web' (no [repos.<name>] table declares any)");
    }
}
