using FleetTui.Core.Agents;
using FleetTui.Core.Config.Validation;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class TicketTaskNameTests
{
    [Theory]
    [InlineData("03-filters.md", "03-filters")]
    [InlineData("03 Cart Filters.md", "03-cart-filters")]
    [InlineData("Café Menu.md", "caf-menu")]
    [InlineData("--Weird..Name--.md", "weird.name")]
    [InlineData("release.lock.md", "release-lock")]
    [InlineData("!!!.md", "ticket")]
    public void Sanitizes_a_file_name_into_a_task_name(string file, string expected) =>
        TicketTaskName.FromFileName(file).ShouldBe(expected);

    [Fact]
    public void Always_yields_a_valid_task_name()
    {
        var samples = new[] { "a", "Z", "9.md", ".hidden.md", new string('x', 200) + ".md", "日本語.md", "a..b.md", "ends.", "x.lock", "_x_.md" };
        foreach (var sample in samples)
            TaskName.Problem(TicketTaskName.FromFileName(sample)).ShouldBeNull(sample);
    }
}
