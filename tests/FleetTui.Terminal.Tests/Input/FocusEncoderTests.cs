using FleetTui.Terminal.Input;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Input;

public class FocusEncoderTests
{
    [Fact]
    public void Focus_changes_are_reported_only_when_the_program_asked_for_them()
    {
        var on = new InputModes(FocusEvents: true);

        Printable.Of(FocusEncoder.Encode(true, on)).ShouldBe("\\e[I");
        Printable.Of(FocusEncoder.Encode(false, on)).ShouldBe("\\e[O");
        FocusEncoder.Encode(true, InputModes.Default).ShouldBeEmpty();
        FocusEncoder.Encode(false, InputModes.Default).ShouldBeEmpty();
    }
}
