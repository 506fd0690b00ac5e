using System.Net;
using System.Net.Sockets;
using FleetTui.Core.Config;
using FleetTui.Core.Worktrees;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Worktrees;

public class PortAllocatorTests
{
    private static readonly Dictionary<string, int> None = new();

    private sealed class ScriptedProbe(params int[] busy) : IPortProbe
    {
        public List<int> Tried { get; } = [];

        public bool IsFree(int port)
        {
            Tried.Add(port);
            return !busy.Contains(port);
        }
    }

    [Fact]
    public void Gives_each_name_a_distinct_port_from_the_range()
    {
        var ports = new PortAllocator(new PortRange(5000, 5010), new ScriptedProbe()).Allocate(["web", "api"], None, []);

        ports.ShouldBe(new Dictionary<string, int> { ["web"] = 5000, ["api"] = 5001 });
    }

    [Fact]
    public void Never_gives_a_port_another_task_of_the_fleet_holds()
    {
        var ports = new PortAllocator(new PortRange(5000, 5010), new ScriptedProbe()).Allocate(["web"], None, [5000, 5001]);

        ports["web"].ShouldBe(5002);
    }

    [Fact]
    public void Skips_ports_the_machine_has_busy()
    {
        var probe = new ScriptedProbe(5000);

        var ports = new PortAllocator(new PortRange(5000, 5010), probe).Allocate(["web"], None, []);

        ports["web"].ShouldBe(5001);
        probe.Tried.ShouldBe([5000, 5001]);
    }

    [Fact]
    public void Keeps_the_ports_a_task_already_has_without_probing_them()
    {
        var probe = new ScriptedProbe(5003);

        var ports = new PortAllocator(new PortRange(5000, 5010), probe)
            .Allocate(["web", "api"], new Dictionary<string, int> { ["web"] = 5003 }, [5003]);

        ports["web"].ShouldBe(5003);
        ports["api"].ShouldBe(5000);
        probe.Tried.ShouldNotContain(5003);
    }

    [Fact]
    public void Reuses_a_released_port()
    {
        var allocator = new PortAllocator(new PortRange(5000, 5001), new ScriptedProbe());
        var first = allocator.Allocate(["web"], None, []);

        // The task holding 5000 was destroyed: its ports are no longer in the fleet's taken set.
        var again = allocator.Allocate(["web"], None, []);

        again["web"].ShouldBe(first["web"]);
    }

    [Fact]
    public void Fails_clearly_when_the_range_is_exhausted()
    {
        var error = Should.Throw<PortExhaustedException>(() =>
            new PortAllocator(new PortRange(5000, 5001), new ScriptedProbe(5001)).Allocate(["web", "api"], None, []));

        error.Message.ShouldContain("5000-5001");
        error.Message.ShouldContain("api");
    }

    [Fact]
    public void The_loopback_probe_sees_a_real_listener()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var busy = ((IPEndPoint)listener.LocalEndpoint).Port;

        LoopbackPortProbe.Instance.IsFree(busy).ShouldBeFalse();
        var ports = new PortAllocator(new PortRange(busy, Math.Min(busy + 50, 65535))).Allocate(["web"], None, []);
        ports["web"].ShouldNotBe(busy);
        LoopbackPortProbe.Instance.IsFree(ports["web"]).ShouldBeTrue();
    }
}
