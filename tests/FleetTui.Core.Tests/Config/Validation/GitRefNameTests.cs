using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Validation;

public class GitRefNameTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("fleet/billing-api")]
    [InlineData("release/2.0.1")]
    [InlineData("user/me/feat_x")]
    [InlineData("a@b")]
    public void Accepts_ordinary_branch_names(string name) => GitRefName.IsValid(name).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("a..b")]
    [InlineData("a\tb")]
    [InlineData("a\u007fb")]
    [InlineData("a b")]
    [InlineData("a~b")]
    [InlineData("a^b")]
    [InlineData("a:b")]
    [InlineData("a?b")]
    [InlineData("a*b")]
    [InlineData("a[b")]
    [InlineData("a\\b")]
    [InlineData("-a")]
    [InlineData(".a")]
    [InlineData("x/.a")]
    [InlineData("a.lock")]
    [InlineData("x/a.lock/y")]
    [InlineData("a/")]
    [InlineData("a.")]
    [InlineData("a@{b")]
    [InlineData("a//b")]
    public void Rejects_what_git_check_ref_format_rejects(string name) => GitRefName.IsValid(name).ShouldBeFalse();
}
