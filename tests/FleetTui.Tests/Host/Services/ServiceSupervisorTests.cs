using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FleetTui.Core.Config;
using FleetTui.Core.Session;
using FleetTui.Host.Services;
using FleetTui.Terminal.Pty;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Services;

/// <summary>Real services on real PTYs: one becoming ready on its port, one crashing and restarted with backoff, one never ready.</summary>
public class ServiceSupervisorTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<(DateTimeOffset At, ServiceState State)> _reports = new();

    private ServiceSupervisor Supervise(string shellCommand, int? port = null, ServiceReadiness? ready = null, ServiceRestart restart = ServiceRestart.OnFailure,
        TimeSpan? readyTimeout = null, string? readyUrl = null)
    {
        var config = new ServiceConfig
        {
            Name = "web",
            Shell = shellCommand,
            Port = port is null ? null : "web",
            Ready = ready ?? ServiceReadiness.None,
            ReadyTimeout = readyTimeout ?? TimeSpan.FromSeconds(20),
            Restart = restart,
        };
        var launch = new ServiceLaunch(config, new PtySpawnOptions("/bin/sh", "-c", shellCommand), port, readyUrl);
        return new ServiceSupervisor(new UnixPtyHost(), launch, state => _reports.Enqueue((DateTimeOffset.UtcNow, state)))
        {
            FirstBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(2),
        };
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    [Fact]
    public async Task A_service_is_up_once_its_port_accepts_and_stopping_it_ends_its_process()
    {
        var port = FreePort();
        await using var service = Supervise($"exec python3 -m http.server {port} --bind 127.0.0.1", port, ServiceReadiness.Tcp);

        service.Start();

        var up = await Eventually.HoldsAsync(() => Task.FromResult(service.State), s => s.Phase == ServicePhase.Up, "the service up", Slow);
        _reports.First().State.Phase.ShouldBe(ServicePhase.Starting);
        up.Url.ShouldBe($"http://localhost:{port}");
        var pid = up.Pid.ShouldNotBeNull();
        using (var client = new TcpClient())
            await client.ConnectAsync(IPAddress.Loopback, port);

        await service.StopAsync();

        service.State.Phase.ShouldBe(ServicePhase.Stopped);
        (await Eventually.HoldsAsync(() => Task.FromResult(IsAlive(pid)), alive => !alive, "the service's process gone", Slow)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_http_check_waits_for_the_url_to_answer()
    {
        var port = FreePort();
        await using var service = Supervise($"sleep 0.5; exec python3 -m http.server {port} --bind 127.0.0.1", port,
            new ServiceReadiness(ServiceReadinessKind.Http, "x"), readyUrl: $"http://127.0.0.1:{port}/");

        service.Start();

        await Eventually.HoldsAsync(() => Task.FromResult(service.State.Phase), p => p == ServicePhase.Up, "the service answering HTTP", Slow);
        _reports.Select(r => r.State.Phase).ShouldContain(ServicePhase.Starting);
    }

    [Fact]
    public async Task A_crashing_service_is_restarted_with_a_growing_backoff()
    {
        await using var service = Supervise("echo starting; exit 3");

        service.Start();

        await Eventually.HoldsAsync(() => Task.FromResult(service.State.Restarts), r => r >= 3, "three restarts", Slow);
        var restarting = _reports.Where(r => r.State.Phase == ServicePhase.Restarting).Take(3).ToList();
        restarting.ShouldAllBe(r => r.State.ExitCode == 3);
        var waits = restarting.Select(r => (r.State.RestartAt!.Value - r.At).TotalMilliseconds).ToList();
        waits[0].ShouldBeInRange(150, 250);
        waits[1].ShouldBeInRange(350, 450);
        waits[2].ShouldBeInRange(750, 850);
        restarting[0].State.Describe(restarting[0].At).ShouldBe("web crashed (exit 3), restarting in 1s");
    }

    [Fact]
    public async Task A_service_that_never_becomes_ready_says_so_and_keeps_running()
    {
        var port = FreePort();
        await using var service = Supervise("exec sleep 60", port, ServiceReadiness.Tcp, readyTimeout: TimeSpan.FromMilliseconds(500));

        service.Start();

        var notReady = await Eventually.HoldsAsync(() => Task.FromResult(service.State), s => s.Phase == ServicePhase.NotReady, "the service not ready", Slow);
        notReady.Message.ShouldBe($"port {port} not answering after 500ms");
        notReady.Describe(DateTimeOffset.UtcNow).ShouldBe($"web :{port} not ready (port {port} not answering after 500ms)");
        IsAlive(notReady.Pid!.Value).ShouldBeTrue();
    }

    [Fact]
    public async Task A_service_that_must_not_restart_stays_exited_with_its_code()
    {
        await using var service = Supervise("exit 1", restart: ServiceRestart.Never);

        service.Start();

        var exited = await Eventually.HoldsAsync(() => Task.FromResult(service.State), s => s.Phase == ServicePhase.Exited, "the service exited", Slow);
        exited.ExitCode.ShouldBe(1);
        exited.Restarts.ShouldBe(0);
    }
}

/// <summary>A port we allocated that another process already holds (a service outliving an earlier host) is found and named.</summary>
public class PortHolderTests
{
    [Fact]
    public async Task A_service_whose_port_is_held_does_not_start_and_names_the_holder()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            PortHolder.Find(port).ShouldBe((Environment.ProcessId, File.ReadAllText($"/proc/{Environment.ProcessId}/comm").Trim()));
            var states = new ConcurrentQueue<ServiceState>();
            var config = new ServiceConfig { Name = "web", Shell = "exec sleep 60", Port = "web", Ready = ServiceReadiness.Tcp };
            await using var service = new ServiceSupervisor(new UnixPtyHost(), new ServiceLaunch(config, new PtySpawnOptions("/bin/sh", "-c", "exec sleep 60"), port, null), states.Enqueue);

            service.Start();

            var exited = await Eventually.HoldsAsync(() => Task.FromResult(service.State), s => s.Phase == ServicePhase.Exited, "the service refused", TimeSpan.FromSeconds(30));
            exited.Message.ShouldStartWith($"port {port} is already held by pid {Environment.ProcessId} (");
            states.ShouldNotContain(s => s.Phase == ServicePhase.Starting);
        }
        finally
        {
            listener.Stop();
        }

        PortHolder.Find(port).ShouldBeNull();
    }
}
