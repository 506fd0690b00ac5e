using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>Each bad fleet.toml fails with exactly one message pointing at the offending key or value.</summary>
public class ConfigLoaderErrorTests
{
    private static string ErrorOf(string toml) =>
        Should.Throw<ConfigException>(() => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), "/repo/fleet.toml")).Message;

    [Fact]
    public void A_syntax_error_is_reported_at_its_position()
    {
        ErrorOf("[fleet]\nbase = \n").ShouldBe("fleet.toml:2:8: invalid TOML: unexpected token end-of-line found while expecting a value");
    }

    [Fact]
    public void An_unterminated_string_is_a_syntax_error()
    {
        ErrorOf("[fleet]\nbase = \"main\n").ShouldBe("fleet.toml:2:13: invalid TOML: invalid newline in a string");
    }

    [Fact]
    public void A_key_defined_twice_is_a_syntax_error()
    {
        ErrorOf("[fleet]\nbase = \"a\"\nbase = \"b\"\n")
            .ShouldBe("fleet.toml:3:1: invalid TOML: the key `fleet.base` is already defined at (2,1) with `base = \"a\"` and cannot be redefined");
    }

    [Fact]
    public void An_unknown_top_level_table_suggests_the_nearest_one()
    {
        ErrorOf("[flet]\nbase = \"main\"\n").ShouldBe("fleet.toml:1:2: unknown key 'flet' in the top level; did you mean 'fleet'?");
    }

    [Fact]
    public void An_unknown_key_in_fleet_suggests_the_nearest_one()
    {
        ErrorOf("[fleet]\nbase = \"main\"\nworktree = \"../wt/{task}\"\n")
            .ShouldBe("fleet.toml:3:1: unknown key 'worktree' in [fleet]; did you mean 'worktrees'?");
    }

    [Fact]
    public void An_unknown_key_in_a_task_suggests_the_nearest_one()
    {
        ErrorOf("[[task]]\nname = \"a\"\ndepend_on = [\"b\"]\n")
            .ShouldBe("fleet.toml:3:1: unknown key 'depend_on' in [[task]]; did you mean 'depends_on'?");
    }

    [Fact]
    public void An_unknown_key_with_no_near_match_lists_the_known_keys()
    {
        ErrorOf("[setup]\nflavour = \"x\"\n")
            .ShouldBe("fleet.toml:2:1: unknown key 'flavour' in [setup] (known: run, timeout, copy, link, caches, database)");
    }

    [Fact]
    public void An_unknown_key_in_an_agent_table_is_rejected()
    {
        ErrorOf("[agents.mine]\ncommand = [\"x\"]\ncontinue = [\"-c\"]\n")
            .ShouldBe("fleet.toml:3:1: unknown key 'continue' in [agents.mine]; did you mean 'continue_args'?");
    }

    [Fact]
    public void A_dotted_unknown_key_points_at_the_key_itself()
    {
        ErrorOf("[fleet]\nports.frist = 41000\n")
            .ShouldBe("fleet.toml:2:7: unknown key 'frist' in [fleet] ports; did you mean 'first'?");
    }

    [Fact]
    public void A_number_where_a_string_is_expected_is_rejected()
    {
        ErrorOf("[fleet]\nbase = 42\n").ShouldBe("fleet.toml:2:8: 'base' in [fleet] must be a string, not an integer");
    }

    [Fact]
    public void A_string_where_an_array_of_strings_is_expected_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nscope = \"src/**\"\n")
            .ShouldBe("fleet.toml:3:9: 'scope' in [[task]] must be an array of strings, not a string");
    }

    [Fact]
    public void A_non_string_element_in_an_array_of_strings_is_pointed_at()
    {
        ErrorOf("[[task]]\nname = \"a\"\nports = [\"web\", 8080]\n")
            .ShouldBe("fleet.toml:3:17: 'ports' in [[task]] must be an array of strings, but this element is an integer");
    }

    [Fact]
    public void A_string_where_a_boolean_is_expected_is_rejected()
    {
        ErrorOf("[fleet]\nfast_forward = \"yes\"\n")
            .ShouldBe("fleet.toml:2:16: 'fast_forward' in [fleet] must be a boolean (true or false), not a string");
    }

    [Fact]
    public void A_string_where_an_integer_is_expected_is_rejected()
    {
        ErrorOf("[fleet]\nports = { first = \"41000\", last = 41999 }\n")
            .ShouldBe("fleet.toml:2:19: 'first' in [fleet] ports must be an integer, not a string");
    }

    [Fact]
    public void A_task_without_a_name_is_rejected_at_its_header()
    {
        ErrorOf("[[task]]\nname = \"a\"\n\n[[task]]\nprompt = \"hi\"\n").ShouldBe("fleet.toml:4:1: [[task]] has no 'name'");
    }

    [Fact]
    public void A_task_name_with_uppercase_letters_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"Billing\"\n")
            .ShouldBe("fleet.toml:2:8: invalid task name 'Billing': it must start with a lowercase letter or a digit");
    }

    [Fact]
    public void A_task_name_with_a_slash_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"api/v2\"\n")
            .ShouldBe("fleet.toml:2:8: invalid task name 'api/v2': it contains '/' (allowed: a-z, 0-9, '.', '_', '-')");
    }

    [Fact]
    public void A_task_name_longer_than_64_characters_is_rejected()
    {
        ErrorOf($"[[task]]\nname = \"{new string('a', 65)}\"\n")
            .ShouldBe($"fleet.toml:2:8: invalid task name '{new string('a', 65)}': it is longer than 64 characters");
    }

    [Fact]
    public void A_duplicate_task_name_points_at_the_second_and_names_the_first_line()
    {
        ErrorOf("[[task]]\nname = \"api\"\n\n[[task]]\nname = \"ui\"\n\n[[task]]\nname = \"api\"\n")
            .ShouldBe("fleet.toml:8:8: duplicate task name 'api' (first defined at line 1)");
    }

    [Fact]
    public void Two_tasks_on_the_same_branch_are_rejected()
    {
        ErrorOf("[[task]]\nname = \"api\"\n\n[[task]]\nname = \"api2\"\nbranch = \"fleet/api\"\n")
            .ShouldBe("fleet.toml:6:10: branch 'fleet/api' of task 'api2' is already the branch of task 'api' (line 1)");
    }

    [Theory]
    [InlineData("a..b", "it contains '..'")]
    [InlineData("feature/x.lock", "the component 'x.lock' ends with '.lock'")]
    [InlineData("-x", "it starts with '-'")]
    [InlineData("a b", "it contains ' '")]
    [InlineData("a~1", "it contains '~'")]
    [InlineData("a:b", "it contains ':'")]
    [InlineData("a/.hidden", "the component '.hidden' starts with '.'")]
    [InlineData("a//b", "it contains '//'")]
    [InlineData("x@{1}", "it contains '@{'")]
    [InlineData("@", "it is '@'")]
    [InlineData("trailing/", "it ends with '/'")]
    public void An_invalid_branch_name_is_rejected_with_the_reason(string branch, string reason)
    {
        ErrorOf($"[[task]]\nname = \"a\"\nbranch = \"{branch}\"\n").ShouldBe($"fleet.toml:3:10: invalid branch name '{branch}': {reason}");
    }

    [Fact]
    public void A_dependency_on_an_unknown_task_is_rejected_with_a_suggestion()
    {
        ErrorOf("[[task]]\nname = \"api\"\n\n[[task]]\nname = \"ui\"\ndepends_on = [\"apj\"]\n")
            .ShouldBe("fleet.toml:6:15: task 'ui' depends on unknown task 'apj'; did you mean 'api'?");
    }

    [Fact]
    public void A_task_depending_on_itself_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"api\"\ndepends_on = [\"api\"]\n").ShouldBe("fleet.toml:3:15: task 'api' depends on itself");
    }

    [Fact]
    public void A_dependency_cycle_is_named_in_order()
    {
        const string toml = """
            [[task]]
            name = "a"
            depends_on = ["b"]

            [[task]]
            name = "b"
            depends_on = ["c"]

            [[task]]
            name = "c"
            base = "a"
            """;
        ErrorOf(toml).ShouldBe("fleet.toml:3:15: dependency cycle: a -> b -> c -> a");
    }

    [Fact]
    public void A_base_that_is_neither_a_task_nor_a_valid_branch_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"api\"\n\n[[task]]\nname = \"ui\"\nbase = \"ap i\"\n")
            .ShouldBe("fleet.toml:6:8: base 'ap i' is neither a task nor a valid branch name (it contains ' '); did you mean 'api'?");
    }

    [Fact]
    public void An_unknown_agent_preset_is_rejected_with_a_suggestion()
    {
        ErrorOf("[[task]]\nname = \"a\"\nagent = \"claud\"\n")
            .ShouldBe("fleet.toml:3:9: unknown agent 'claud' (known: aider, claude, codex, gemini, shell); did you mean 'claude'?");
    }

    [Fact]
    public void An_unknown_default_agent_is_rejected()
    {
        ErrorOf("[fleet]\nagent = \"robot\"\n").ShouldBe("fleet.toml:2:9: unknown agent 'robot' (known: aider, claude, codex, gemini, shell)");
    }

    [Fact]
    public void An_empty_agent_command_line_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nagent = []\n")
            .ShouldBe("fleet.toml:3:9: 'agent' in [[task]] is an empty command line (give at least the program)");
    }

    [Fact]
    public void A_new_agent_without_a_command_is_rejected()
    {
        ErrorOf("[agents.robot]\nhandover = \"stdin\"\n")
            .ShouldBe("fleet.toml:1:9: [agents.robot] needs 'command' (an argv array such as [\"my-agent\", \"--flag\"]); 'robot' is not a built-in preset");
    }

    [Fact]
    public void An_unknown_template_variable_is_pointed_at_inside_its_string()
    {
        ErrorOf("[[task]]\nname = \"a\"\nenv = { DIR = \"/tmp/{tsk}/x\" }\n")
            .ShouldBe("fleet.toml:3:21: unknown template variable '{tsk}' (known: {task}, {branch}, {worktree}, {repo}, {db}, {port.<name>})");
    }

    [Fact]
    public void An_unclosed_template_brace_is_rejected()
    {
        ErrorOf("[setup]\nrun = \"make {task\"\n")
            .ShouldBe("fleet.toml:2:13: unclosed '{' in template (write '{{' for a literal brace)");
    }

    [Fact]
    public void A_port_template_needs_the_port_declared_by_the_task()
    {
        ErrorOf("[[task]]\nname = \"a\"\nports = [\"web\"]\ngate = \"curl localhost:{port.api}\"\n")
            .ShouldBe("fleet.toml:4:24: task 'a' declares no port 'api' (add it to the task's ports)");
    }

    [Fact]
    public void A_fleet_level_port_template_needs_the_port_declared_by_every_task()
    {
        const string toml = """
            [fleet]
            env = { URL = "http://localhost:{port.web}" }

            [[task]]
            name = "a"
            ports = ["web"]

            [[task]]
            name = "docs"
            """;
        ErrorOf(toml).ShouldBe("fleet.toml:2:33: '{port.web}' in [fleet] applies to task 'docs' (line 8), which declares no port 'web'");
    }

    [Fact]
    public void A_variable_not_available_in_the_worktree_path_is_rejected()
    {
        ErrorOf("[fleet]\nworktrees = \"../wt/{worktree}\"\n")
            .ShouldBe("fleet.toml:2:20: '{worktree}' cannot be used here (available: {repo}, {task}, {branch})");
    }

    [Fact]
    public void A_worktree_path_without_the_task_is_rejected()
    {
        ErrorOf("[fleet]\nworktrees = \"../wt\"\n")
            .ShouldBe("fleet.toml:2:13: 'worktrees' must contain {task} (or {branch}) so each task gets its own folder");
    }

    [Fact]
    public void The_db_variable_needs_a_database_template()
    {
        ErrorOf("[fleet]\nenv = { DATABASE = \"{db}\" }\n").ShouldBe("fleet.toml:2:21: '{db}' is used but [setup] has no 'database'");
    }

    [Fact]
    public void A_duplicate_port_name_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nports = [\"web\", \"api\", \"web\"]\n").ShouldBe("fleet.toml:3:24: duplicate port name 'web'");
    }

    [Fact]
    public void Port_names_that_collide_as_environment_variables_are_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nports = [\"api-v1\", \"api_v1\"]\n")
            .ShouldBe("fleet.toml:3:20: port names 'api-v1' and 'api_v1' both become FLEET_PORT_API_V1");
    }

    [Fact]
    public void An_invalid_environment_variable_name_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nenv = { 1PASSWORD = \"x\" }\n")
            .ShouldBe("fleet.toml:3:9: invalid environment variable name '1PASSWORD' in 'env' (letters, digits and '_', not starting with a digit)");
    }

    [Fact]
    public void An_invalid_cleanup_policy_is_rejected_with_the_choices()
    {
        ErrorOf("[fleet]\ncleanup = \"always\"\n")
            .ShouldBe("fleet.toml:2:11: invalid value 'always' for 'cleanup' in [fleet] (expected one of: \"on-merge\", \"never\")");
    }

    [Fact]
    public void An_invalid_scope_enforcement_is_rejected_with_the_choices()
    {
        ErrorOf("[fleet]\nscope_enforcement = \"strict\"\n")
            .ShouldBe("fleet.toml:2:21: invalid value 'strict' for 'scope_enforcement' in [fleet] (expected one of: \"off\", \"warn\", \"block\")");
    }

    [Fact]
    public void An_invalid_handover_is_rejected_with_the_choices()
    {
        ErrorOf("[agents.claude]\nhandover = \"pipe\"\n")
            .ShouldBe("fleet.toml:2:12: invalid value 'pipe' for 'handover' in [agents.claude] (expected one of: \"none\", \"argument\", \"stdin\", \"file\")");
    }

    [Theory]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("0s")]
    [InlineData("-5m")]
    public void A_bad_duration_is_rejected(string duration)
    {
        ErrorOf($"[fleet]\ngate_timeout = \"{duration}\"\n")
            .ShouldBe($"fleet.toml:2:16: invalid duration '{duration}' for 'gate_timeout' in [fleet] (write e.g. \"90s\", \"10m\", \"1h30m\")");
    }

    [Fact]
    public void A_port_range_with_first_above_last_is_rejected()
    {
        ErrorOf("[fleet]\nports = { first = 42000, last = 41000 }\n")
            .ShouldBe("fleet.toml:2:19: port range is empty: first (42000) is greater than last (41000)");
    }

    [Fact]
    public void A_port_range_below_1024_is_rejected()
    {
        ErrorOf("[fleet]\nports = { first = 80, last = 41000 }\n").ShouldBe("fleet.toml:2:19: port 80 for 'first' is outside 1024..65535");
    }

    [Fact]
    public void A_port_range_missing_its_end_is_rejected()
    {
        ErrorOf("[fleet]\nports = { first = 41000 }\n")
            .ShouldBe("fleet.toml:2:9: [fleet] ports needs 'last' (write ports = { first = 41000, last = 41999 })");
    }

    [Fact]
    public void An_absolute_copy_path_is_rejected()
    {
        ErrorOf("[setup]\ncopy = [\".env\", \"/etc/passwd\"]\n")
            .ShouldBe("fleet.toml:2:17: 'copy' in [setup] must list paths inside the repository, but it is absolute (write it relative to the repository root): '/etc/passwd'");
    }

    [Fact]
    public void A_link_path_escaping_the_repository_is_rejected()
    {
        ErrorOf("[setup]\nlink = [\"config/../../secrets\"]\n")
            .ShouldBe("fleet.toml:2:9: 'link' in [setup] must list paths inside the repository, but it leaves the repository with '..': 'config/../../secrets'");
    }

    [Fact]
    public void A_task_with_both_prompt_and_ticket_is_rejected_at_the_second()
    {
        ErrorOf("[[task]]\nname = \"a\"\nticket = \"t.md\"\nprompt = \"do it\"\n")
            .ShouldBe("fleet.toml:4:1: a task has either 'prompt' or 'ticket', not both");
    }

    [Fact]
    public void Task_written_as_a_single_table_is_rejected()
    {
        ErrorOf("[task]\nname = \"a\"\n").ShouldBe("fleet.toml:1:2: 'task' must be an array of tables (write each task as [[task]]), not a table");
    }

    [Fact]
    public void A_float_where_a_string_is_expected_names_the_float()
    {
        ErrorOf("[[task]]\nname = 1.5\n").ShouldBe("fleet.toml:2:8: 'name' in [[task]] must be a string, not a float");
    }

    [Fact]
    public void The_error_prefix_is_the_display_name_given()
    {
        Should.Throw<ConfigException>(() => ConfigLoader.Parse("[flet]\n", "/x/other.toml", "other.toml"))
            .Message.ShouldStartWith("other.toml:1:2: ");
    }

    [Fact]
    public void A_non_string_environment_value_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nenv = { DEBUG = 1 }\n").ShouldBe("fleet.toml:3:17: 'env.DEBUG' in [[task]] must be a string, not an integer");
    }

    [Fact]
    public void An_agent_table_with_an_empty_command_is_rejected()
    {
        ErrorOf("[agents.mine]\ncommand = []\n").ShouldBe("fleet.toml:2:11: 'command' in [agents.mine] is an empty command line (give at least the program)");
    }

    [Fact]
    public void An_agent_that_is_not_a_table_is_rejected()
    {
        ErrorOf("[agents]\nmine = \"x\"\n").ShouldBe("fleet.toml:2:8: 'agents.mine' must be a table (write [agents.mine]), not a string");
    }

    [Fact]
    public void A_context_file_outside_the_repository_is_rejected()
    {
        ErrorOf("[fleet]\ncontext = \"../notes.md\"\n")
            .ShouldBe("fleet.toml:2:11: 'context' in [fleet] must be a path inside the repository, but it leaves the repository with '..': '../notes.md'");
    }

    [Fact]
    public void A_scope_pattern_outside_the_repository_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nscope = [\"/src/**\"]\n")
            .ShouldBe("fleet.toml:3:10: 'scope' must list patterns inside the repository, but it is absolute (write it relative to the repository root): '/src/**'");
    }

    [Fact]
    public void A_task_stacking_on_itself_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nbase = \"a\"\n").ShouldBe("fleet.toml:3:8: task 'a' cannot stack on itself ('base' names the task)");
    }

    [Fact]
    public void An_invalid_port_name_is_rejected()
    {
        ErrorOf("[[task]]\nname = \"a\"\nports = [\"Web\"]\n").ShouldBe("fleet.toml:3:10: invalid port name 'Web': it must start with a lowercase letter");
    }

    [Fact]
    public void A_port_template_in_an_agent_needs_the_port_in_every_task_running_it()
    {
        const string toml = """
            [agents.dev]
            command = ["dev-agent", "--port", "{port.web}"]

            [[task]]
            name = "a"
            agent = "dev"
            ports = ["web"]

            [[task]]
            name = "b"
            agent = "dev"

            [[task]]
            name = "c"
            """;
        ErrorOf(toml).ShouldBe("fleet.toml:2:36: '{port.web}' in [agents.dev] applies to task 'b' (line 9), which declares no port 'web'");
    }

    [Fact]
    public void A_task_on_the_fleet_base_branch_is_rejected()
    {
        ErrorOf("[fleet]\nbase = \"main\"\n\n[[task]]\nname = \"a\"\nbranch = \"main\"\n")
            .ShouldBe("fleet.toml:6:10: task 'a' would work directly on its base branch 'main'; give it its own 'branch'");
    }
}
