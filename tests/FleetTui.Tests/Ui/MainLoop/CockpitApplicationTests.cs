using FleetTui.Ui.MainLoop;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.MainLoop;

/// <summary>The cockpit reaches two internals of Terminal.Gui to hand it the quiet input; an update that moves them must fail here.</summary>
public class CockpitApplicationTests
{
    [Fact]
    public void Terminal_Gui_still_has_the_internal_constructor_and_method_the_quiet_input_needs()
    {
        CockpitApplication.ApplicationImplConstructor().ShouldNotBeNull();
        CockpitApplication.MarkInstanceBasedModelUsed().ShouldNotBeNull();
    }

    [Fact]
    public void The_application_is_created_with_the_quiet_input()
    {
        var (app, input) = CockpitApplication.Create();
        using (app)
        {
            input.ShouldNotBeNull();
            app.Initialized.ShouldBeFalse();
        }
        input.Dispose();
    }
}
