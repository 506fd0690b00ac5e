using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

public class ScopeMatcherTests
{
    [Theory]
    [InlineData("src/billing/**", "src/billing/a.cs", true)]
    [InlineData("src/billing/**", "src/billing/deep/er/a.cs", true)]
    [InlineData("src/billing/**", "src/billingx/a.cs", false)]
    [InlineData("src/billing/**", "src/other/a.cs", false)]
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("**/*.md", "docs/a/b.md", true)]
    [InlineData("**/*.md", "docs/a/b.mdx", false)]
    [InlineData("src/*.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/sub/a.cs", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file12.txt", false)]
    [InlineData("file?.txt", "file/.txt", false)]
    [InlineData("docs", "docs/guide.md", true)]
    [InlineData("docs", "docs", true)]
    [InlineData("docs", "docsy/guide.md", false)]
    [InlineData("docs/", "docs/guide.md", true)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("src/**/test/*.cs", "src/test/a.cs", true)]
    [InlineData("src/**/test/*.cs", "src/x/y/test/a.cs", true)]
    public void Matches_globs_like_a_pathspec(string pattern, string path, bool expected) =>
        new ScopeMatcher([pattern]).Contains(path).ShouldBe(expected);

    [Fact]
    public void An_empty_scope_allows_everything()
    {
        var matcher = new ScopeMatcher([]);
        matcher.IsUnrestricted.ShouldBeTrue();
        matcher.Contains("anything/at/all").ShouldBeTrue();
    }

    [Fact]
    public void Several_patterns_are_alternatives() =>
        new ScopeMatcher(["src/a/**", "tests/a/**"]).Contains("tests/a/x.cs").ShouldBeTrue();
}
