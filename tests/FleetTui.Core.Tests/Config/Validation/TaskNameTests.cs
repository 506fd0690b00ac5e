using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config.Validation;

public class TaskNameTests
{
    [Theory]
    [InlineData("api")]
    [InlineData("2fa")]
    [InlineData("billing-api_v2.1")]
    public void Accepts_portable_names(string name) => TaskName.Problem(name).ShouldBeNull();

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("-api", "it must start with a lowercase letter or a digit")]
    [InlineData(".api", "it must start with a lowercase letter or a digit")]
    [InlineData("a..b", "it contains '..'")]
    [InlineData("a b", "it contains ' ' (allowed: a-z, 0-9, '.', '_', '-')")]
    [InlineData("api.lock", "it ends with '.' or '.lock'")]
    public void Rejects_names_that_would_break_a_path_or_branch(string name, string problem) => TaskName.Problem(name).ShouldBe(problem);
}
