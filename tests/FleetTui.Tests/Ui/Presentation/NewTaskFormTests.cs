using FleetTui.Ui.Presentation;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Presentation;

public class NewTaskFormTests
{
    [Fact]
    public void Without_remote_hosts_there_is_no_Host_field_and_the_request_lives_here()
    {
        var form = new NewTaskForm();
        form.Labels.ShouldBe(["Name", "Base", "Depends on", "Agent"]);
        form.Type("api");

        var request = form.Submit().ShouldNotBeNull();

        request.Name.ShouldBe("api");
        request.Host.ShouldBeNull();
    }

    [Fact]
    public void Up_and_Down_on_the_Host_field_cycle_through_the_hosts_and_back_to_none()
    {
        var form = new NewTaskForm(["box", "vm"]);
        form.Type("api");
        for (var i = 0; i < 4; i++)
            form.Next();
        form.Labels[form.Active].ShouldBe("Host");

        form.PickHost(1);
        form.Value(4).ShouldBe("box");
        form.PickHost(1);
        form.Value(4).ShouldBe("vm");
        form.PickHost(1);
        form.Value(4).ShouldBe("");
        form.PickHost(-1);
        form.Value(4).ShouldBe("vm");

        form.Submit().ShouldNotBeNull().Host.ShouldBe("vm");
    }

    [Fact]
    public void Up_and_Down_elsewhere_change_nothing()
    {
        var form = new NewTaskForm(["box"]);
        form.Type("api");
        form.PickHost(1);
        form.Value(0).ShouldBe("api");
        form.Value(4).ShouldBe("");
    }

    [Fact]
    public void A_typed_host_that_fleet_toml_does_not_declare_is_refused_on_the_Host_field()
    {
        var form = new NewTaskForm(["box"]);
        form.Type("api");
        for (var i = 0; i < 4; i++)
            form.Next();
        form.Type("bx");

        form.Submit().ShouldBeNull();

        form.Error.ShouldBe("no host 'bx': fleet.toml declares box (Up/Down picks one)");
        form.Active.ShouldBe(4);
        form.Lines(60).Select(l => l.Text).ShouldContain(l => l.Contains("no host 'bx'"));
    }
}
