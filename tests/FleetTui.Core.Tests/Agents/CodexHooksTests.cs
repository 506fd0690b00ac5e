using FleetTui.Core.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Agents;

public sealed class CodexHooksTests
{
    [Fact]
    public void Notify_is_a_launch_override_naming_fleet_signal_as_a_toml_array()
    {
        CodexHooks.LaunchArguments(["/opt/my \"fleet\"/fleet"], "cart").ShouldBe(
        [
            "-c",
            """notify=["/opt/my \"fleet\"/fleet", "signal", "idle", "--task", "cart", "--event", "agent-turn-complete"]""",
        ]);
    }

    [Fact]
    public void Only_the_title_side_turn_is_a_side_turn()
    {
        CodexHooks.IsSideTurn("""{"type":"agent-turn-complete","input-messages":["Generate a concise, single-line task title of at most 36 characters"]}""").ShouldBeTrue();
        CodexHooks.IsSideTurn("""{"type":"agent-turn-complete","input-messages":["Generate the report"]}""").ShouldBeFalse();
    }

    [Theory]
    [InlineData("\r", InputKind.Confirm)]
    [InlineData("y", InputKind.Confirm)]
    [InlineData("2", InputKind.Confirm)]
    [InlineData("\u001b", InputKind.Cancel)]
    [InlineData("\u001b[B", InputKind.Other)]
    [InlineData("yes", InputKind.Other)]
    public void A_write_of_keys_answers_a_dialog_or_not(string keys, InputKind kind) =>
        InputKinds.Of(System.Text.Encoding.UTF8.GetBytes(keys)).ShouldBe(kind);
}
