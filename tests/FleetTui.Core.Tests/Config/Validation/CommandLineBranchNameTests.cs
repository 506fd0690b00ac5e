using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Validation;

public class CommandLineBranchNameTests
{
    [Theory]
    [InlineData("y/$(touch${IFS}/tmp/PWNED)", '$')]
    [InlineData("a`id`", '`')]
    [InlineData("it's", '\'')]
    [InlineData("say\"hi\"", '"')]
    [InlineData("a;b", ';')]
    [InlineData("a|b", '|')]
    [InlineData("a&b", '&')]
    public void Refuses_characters_git_allows_but_shells_treat_specially(string name, char offending)
    {
        CommandLineBranchName.Problem(name).ShouldBe($"it contains '{offending}', which git allows but shells and paths treat specially (use letters, digits and - _ . / +)");
    }

    [Fact]
    public void Refuses_spaces_like_git_does()
    {
        CommandLineBranchName.Problem("my branch").ShouldBe("it contains ' '");
    }

    [Theory]
    [InlineData("fleet/api")]
    [InlineData("feature/JIRA-12_fix.v2+hotfix")]
    [InlineData("équipe/tâche")]
    public void Accepts_ordinary_branch_names(string name)
    {
        CommandLineBranchName.Problem(name).ShouldBeNull();
    }
}
