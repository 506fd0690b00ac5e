using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Ui.Cockpit;
using FleetTui.Ui.Cockpit.Hosts;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Cockpit.Hosts;

public class RemoteTaskCreationTests
{
    private static readonly string[] Hosts = ["box", "gpu"];

    [Fact]
    public void A_task_goes_to_the_typed_host_else_where_fleet_toml_declares_it_else_here()
    {
        var local = Snapshot(new TaskConfig { Name = "train", Branch = "fleet/train", Host = "gpu" });

        RemoteTaskCreation.HostFor(Request("api", "box"), local, Hosts).ShouldBe(("box", null));
        RemoteTaskCreation.HostFor(Request("train"), local, Hosts).ShouldBe(("gpu", null));
        RemoteTaskCreation.HostFor(Request("api"), local, Hosts).ShouldBe((null, null));
    }

    [Fact]
    public void A_typed_host_other_than_the_declared_one_is_refused_naming_the_line_and_the_fix()
    {
        var local = Snapshot(
            new TaskConfig { Name = "train", Branch = "fleet/train", Host = "gpu", Position = new SourcePosition(12, 1) },
            new TaskConfig { Name = "web", Branch = "fleet/web", Position = new SourcePosition(4, 1) });

        RemoteTaskCreation.HostFor(Request("train", "box"), local, Hosts).Refusal
            .ShouldBe("task 'train' is declared in fleet.toml (line 12) on host 'gpu', not on 'box': change its host there, or leave Host empty");
        RemoteTaskCreation.HostFor(Request("web", "box"), local, Hosts).Refusal
            .ShouldBe("task 'web' is declared in fleet.toml (line 4) on this machine, not on 'box': change its host there, or leave Host empty");
    }

    [Fact]
    public void An_unknown_host_is_refused_naming_the_ones_declared()
    {
        RemoteTaskCreation.HostFor(Request("api", "bx"), Snapshot(), Hosts).Refusal
            .ShouldBe("no host 'bx': fleet.toml's [hosts.<name>] tables declare box, gpu");
    }

    [Fact]
    public async Task A_declared_task_goes_out_as_declared_with_the_forms_values_first()
    {
        var local = Snapshot(new TaskConfig
        {
            Name = "train", Branch = "ml/train", Host = "gpu", Base = "develop", Ports = ["api"], Agent = new AgentRef.PresetRef("codex"),
        });
        var creation = new RemoteTaskCreation(pusher: null);

        var asDeclared = await creation.RequestForAsync(Request("train"), local, CancellationToken.None);
        var overridden = await creation.RequestForAsync(Request("train") with { Base = "main", Agent = "claude" }, local, CancellationToken.None);

        asDeclared.ShouldBe(new FleetTui.Host.Protocol.HostRequest.NewTask("train", "ml/train", "develop", [], "codex", ["api"]), new NewTaskComparer());
        (overridden.Base, overridden.Agent, overridden.Branch).ShouldBe(("main", "claude", "ml/train"));
    }

    private static NewTaskRequest Request(string name, string? host = null) => new(name, null, [], null, host);

    private static SessionSnapshot Snapshot(params TaskConfig[] declared) => new()
    {
        Version = 1,
        RepoRoot = "/repo",
        BaseBranch = "main",
        Config = new FleetConfig { SourcePath = "/repo/fleet.toml", Fleet = new FleetSettings(), Tasks = declared },
    };

    private sealed class NewTaskComparer : IEqualityComparer<FleetTui.Host.Protocol.HostRequest.NewTask>
    {
        public bool Equals(FleetTui.Host.Protocol.HostRequest.NewTask? x, FleetTui.Host.Protocol.HostRequest.NewTask? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Branch == y.Branch && x.Base == y.Base && x.Agent == y.Agent
            && (x.DependsOn ?? []).SequenceEqual(y.DependsOn ?? []) && (x.Ports ?? []).SequenceEqual(y.Ports ?? []);

        public int GetHashCode(FleetTui.Host.Protocol.HostRequest.NewTask obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
