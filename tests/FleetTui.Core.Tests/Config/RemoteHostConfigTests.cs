using FleetTui.Core.Config;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>[hosts.&lt;name&gt;] and a task's host: read into the config, every mistake refused at its position.</summary>
public class RemoteHostConfigTests
{
    private static FleetConfig Parse(string toml) => ConfigLoader.Parse(toml.ReplaceLineEndings("\n"), "/repo/fleet.toml");

    private static string ErrorOf(string toml) => Should.Throw<ConfigException>(() => Parse(toml)).Message;

    [Fact]
    public void A_host_and_a_task_on_it_are_read()
    {
        var config = Parse("""
            [hosts.box]
            ssh = "me@box"
            path = "/srv/app"

            [hosts.vm]
            ssh = "vm-alias"
            path = "src/app"
            fleet = "/opt/fleet/bin/fleet"

            [[task]]
            name = "api"
            host = "box"

            [[task]]
            name = "web"
            """);

        config.Hosts.Keys.Order().ShouldBe(["box", "vm"]);
        config.Hosts["box"].ShouldBe(new RemoteHostConfig { Name = "box", Ssh = "me@box", Path = "/srv/app", Position = new SourcePosition(1, 8) });
        config.Hosts["vm"].Fleet.ShouldBe("/opt/fleet/bin/fleet");
        config.FindTask("api")!.Host.ShouldBe("box");
        config.FindTask("web")!.Host.ShouldBeNull();
    }

    [Fact]
    public void Where_a_hosts_tasks_are_gated_is_read_from_gate_on_and_defaults_to_the_host()
    {
        var config = Parse("""
            [hosts.box]
            ssh = "me@box"
            path = "/srv/app"

            [hosts.vm]
            ssh = "vm"
            path = "/srv/app"
            gate_on = "local"

            [hosts.gpu]
            ssh = "gpu"
            path = "/srv/app"
            gate_on = "remote"
            """);

        config.Hosts["box"].GateOn.ShouldBe(Core.Config.Hosts.RemoteGateLocation.Remote);
        config.Hosts["vm"].GateOn.ShouldBe(Core.Config.Hosts.RemoteGateLocation.Local);
        config.Hosts["gpu"].GateOn.ShouldBe(Core.Config.Hosts.RemoteGateLocation.Remote);
    }

    [Fact]
    public void An_unknown_gate_location_is_refused_at_its_value_with_the_choices()
    {
        ErrorOf("""
            [hosts.box]
            ssh = "me@box"
            path = "/srv/app"
            gate_on = "there"
            """).ShouldBe("fleet.toml:4:11: invalid value 'there' for 'gate_on' in [hosts.box] (expected one of: \"remote\", \"local\")");
        ErrorOf("[hosts.box]\nssh = \"me@box\"\npath = \"/srv/app\"\ngate_on = true\n").ShouldStartWith("fleet.toml:4:11: ");
    }

    [Fact]
    public void A_task_naming_an_unknown_host_is_refused_at_its_value_with_the_nearest_name()
    {
        ErrorOf("""
            [hosts.box]
            ssh = "me@box"
            path = "/srv/app"

            [[task]]
            name = "api"
            host = "bx"
            """).ShouldBe("fleet.toml:7:8: task 'api' names unknown host 'bx'; did you mean 'box'?");
    }

    [Fact]
    public void A_task_naming_a_host_when_none_is_declared_says_how_to_declare_one()
    {
        ErrorOf("[[task]]\nname = \"api\"\nhost = \"box\"\n")
            .ShouldBe("fleet.toml:3:8: task 'api' names unknown host 'box' (declare it: [hosts.box] with ssh = \"user@box\" and path = \"/path/to/clone\")");
    }

    [Theory]
    [InlineData("ssh = \"-oProxyCommand=evil\"", "fleet.toml:2:7: invalid 'ssh' destination '-oProxyCommand=evil' in [hosts.box]: it starts with '-' (ssh would read it as an option)")]
    [InlineData("ssh = \"me@box:2222\"", "fleet.toml:2:7: invalid 'ssh' destination 'me@box:2222' in [hosts.box]: write [user@]host; a port or other options go in ~/.ssh/config under a Host alias")]
    [InlineData("ssh = \"me box\"", "fleet.toml:2:7: invalid 'ssh' destination 'me box' in [hosts.box]: it contains a space")]
    [InlineData("ssh = \"\"", "fleet.toml:2:7: invalid 'ssh' destination '' in [hosts.box]: it is empty")]
    public void A_bad_ssh_destination_is_refused_at_its_value(string line, string expected)
    {
        ErrorOf($"[hosts.box]\n{line}\npath = \"/srv/app\"\n").ShouldBe(expected);
    }

    [Fact]
    public void A_host_without_ssh_or_path_is_refused_at_its_table()
    {
        ErrorOf("[hosts.box]\npath = \"/srv/app\"\n").ShouldStartWith("fleet.toml:1:8: [hosts.box] needs 'ssh'");
        ErrorOf("[hosts.box]\nssh = \"box\"\n").ShouldStartWith("fleet.toml:1:8: [hosts.box] needs 'path'");
    }

    [Fact]
    public void A_path_or_fleet_starting_with_a_dash_is_refused()
    {
        ErrorOf("[hosts.box]\nssh = \"box\"\npath = \"--upload-pack=x\"\n")
            .ShouldBe("fleet.toml:3:8: invalid 'path' '--upload-pack=x' in [hosts.box]: it starts with '-' (it would read as an option)");
        ErrorOf("[hosts.box]\nssh = \"box\"\npath = \"/a\"\nfleet = \"-x\"\n")
            .ShouldBe("fleet.toml:4:9: invalid 'fleet' '-x' in [hosts.box]: it starts with '-' (it would read as an option)");
    }

    [Fact]
    public void An_unknown_key_in_a_host_suggests_the_nearest_one()
    {
        ErrorOf("[hosts.box]\nssh = \"box\"\npth = \"/a\"\n").ShouldBe("fleet.toml:3:1: unknown key 'pth' in [hosts.box]; did you mean 'path'?");
    }

    [Fact]
    public void A_bad_host_name_and_the_reserved_local_are_refused()
    {
        ErrorOf("[hosts.Box]\nssh = \"box\"\npath = \"/a\"\n").ShouldStartWith("fleet.toml:1:8: invalid host name 'Box'");
        ErrorOf("[hosts.local]\nssh = \"box\"\npath = \"/a\"\n").ShouldBe("fleet.toml:1:8: 'local' names this machine; give the remote host another name");
        ErrorOf("hosts = 3\n").ShouldStartWith("fleet.toml:1:9: 'hosts' in the top level must be a table");
    }
}
