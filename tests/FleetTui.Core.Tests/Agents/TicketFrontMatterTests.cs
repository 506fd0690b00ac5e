using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class TicketFrontMatterTests
{
    [Fact]
    public void A_ticket_without_front_matter_has_none() =>
        TicketFrontMatter.Parse("# Title\n---\nnot front matter\n", "t.md").ShouldBe(TicketFrontMatter.None);

    [Theory]
    [InlineData("---\ndepends_on: [a, b]\n---\n")]
    [InlineData("---\ndepends_on: [\"a\", 'b']\n---\n")]
    [InlineData("---\ndepends_on: a, b\n---\n")]
    [InlineData("---\ndepends_on:\n  - a\n  - \"b\"\n---\n")]
    [InlineData("---\r\ndepends_on: [a, b]\r\n---\r\n")]
    public void Reads_depends_on_in_every_small_list_form(string text) =>
        TicketFrontMatter.Parse(text, "t.md").DependsOn.ShouldBe(["a", "b"]);

    [Fact]
    public void Reads_the_agent_and_keeps_other_keys_as_ignored()
    {
        var front = TicketFrontMatter.Parse("---\n# comment\ntitle: Cart\nagent: \"codex\"\nlabels:\n  - x\n---\nbody", "t.md");
        front.Agent.ShouldBe("codex");
        front.Ignored.ShouldBe(["title", "labels"]);
        front.DependsOn.ShouldBeEmpty();
    }

    [Fact]
    public void Unclosed_front_matter_names_the_file_and_line()
    {
        Should.Throw<FormatException>(() => TicketFrontMatter.Parse("---\nagent: claude\n", "tickets/a.md"))
            .Message.ShouldStartWith("tickets/a.md:1:1:");
    }

    [Fact]
    public void A_line_that_is_not_key_value_names_its_position()
    {
        Should.Throw<FormatException>(() => TicketFrontMatter.Parse("---\nagent: claude\njust words\n---\n", "t.md"))
            .Message.ShouldStartWith("t.md:3:1:");
        Should.Throw<FormatException>(() => TicketFrontMatter.Parse("---\ndepends_on: [a, b\n---\n", "t.md"))
            .Message.ShouldStartWith("t.md:2:12:");
    }

    [Fact]
    public void The_body_is_the_text_after_the_block() =>
        TicketFrontMatter.Body("---\nagent: x\n---\n# Ticket\ntext\n").ShouldBe("# Ticket\ntext\n");
}
