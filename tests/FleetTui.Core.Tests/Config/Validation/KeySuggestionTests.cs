using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Validation;

public class KeySuggestionTests
{
    private static readonly string[] Known = ["name", "branch", "base", "depends_on", "continue_args", "first"];

    [Theory]
    [InlineData("depend_on", "depends_on")]
    [InlineData("frist", "first")]
    [InlineData("Branch", "branch")]
    [InlineData("continue", "continue_args")]
    [InlineData("bsae", "base")]
    public void Suggests_the_likely_key(string typed, string expected) => KeySuggestion.Nearest(typed, Known).ShouldBe(expected);

    [Theory]
    [InlineData("flavour")]
    [InlineData("xyz")]
    public void Suggests_nothing_when_nothing_is_close(string typed) => KeySuggestion.Nearest(typed, Known).ShouldBeNull();
}
