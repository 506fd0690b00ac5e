using FleetTui.Core.Config;
using FleetTui.Core.Config.Templates;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

public class TemplateExpanderTests
{
    private static readonly TemplateValues Values = new()
    {
        Task = "billing",
        Branch = "fleet/billing",
        Worktree = "/home/me/shop.worktrees/billing",
        Repo = "/home/me/shop",
        Db = "shop_billing",
        Ports = new Dictionary<string, int> { ["web"] = 41001, ["admin-ui"] = 41002 },
    };

    [Fact]
    public void Expands_every_variable()
    {
        TemplateExpander.Expand("{task} {branch} {worktree} {repo} {db} {port.web} {port.admin-ui}", Values)
            .ShouldBe("billing fleet/billing /home/me/shop.worktrees/billing /home/me/shop shop_billing 41001 41002");
    }

    [Fact]
    public void Doubled_braces_are_literal_braces()
    {
        TemplateExpander.Expand("{{\"task\": \"{task}\"}}", Values).ShouldBe("{\"task\": \"billing\"}");
    }

    [Fact]
    public void Shell_parameter_expansion_is_left_alone()
    {
        TemplateExpander.Expand("${HOME}/{task}", Values).ShouldBe("${HOME}/billing");
    }

    [Fact]
    public void Plain_expansion_never_quotes()
    {
        var values = Values with { Worktree = "/tmp/it's here" };

        TemplateExpander.Expand("{worktree}", values).ShouldBe("/tmp/it's here");
    }

    [Fact]
    public void A_missing_port_fails_naming_the_task_and_port()
    {
        Should.Throw<InvalidOperationException>(() => TemplateExpander.Expand("{port.api}", Values)).Message
            .ShouldBe("task 'billing' has no port 'api'");
    }

    [Fact]
    public void A_missing_database_fails_clearly()
    {
        Should.Throw<InvalidOperationException>(() => TemplateExpander.Expand("{db}", Values with { Db = null }));
    }

    [Fact]
    public void An_unknown_variable_fails_naming_it()
    {
        Should.Throw<TemplateSyntaxException>(() => TemplateExpander.Expand("x{tsk}", Values)).Fragment.ShouldBe("{tsk}");
    }

    [Fact]
    public void An_unmatched_closing_brace_fails()
    {
        Should.Throw<TemplateSyntaxException>(() => TemplateExpander.Expand("a}b", Values)).Message
            .ShouldBe("unmatched '}' in template (write '}}' for a literal brace)");
    }

    [Fact]
    public void The_environment_carries_every_value()
    {
        Values.ToEnvironment().ShouldBe(new Dictionary<string, string>
        {
            ["FLEET_TASK"] = "billing",
            ["FLEET_BRANCH"] = "fleet/billing",
            ["FLEET_WORKTREE"] = "/home/me/shop.worktrees/billing",
            ["FLEET_REPO"] = "/home/me/shop",
            ["FLEET_DB"] = "shop_billing",
            ["FLEET_PORT_WEB"] = "41001",
            ["FLEET_PORT_ADMIN_UI"] = "41002",
        }, ignoreOrder: true);
    }

    [Fact]
    public void The_environment_omits_the_database_when_there_is_none()
    {
        (Values with { Db = null }).ToEnvironment().ContainsKey("FLEET_DB").ShouldBeFalse();
    }
}
