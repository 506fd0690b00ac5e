using System.Net;
using System.Net.Sockets;
using FleetTui.Demo;
using FleetTui.Host.Protocol;
using FleetTui.Core.Session;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>A task's service run by the real fleet host: started by `fleet services`, listed by `fleet ps`, stopped before its worktree goes.</summary>
[Collection(FleetHostCollection.Name)]
public class ServicesHostTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    private static int FreePortBase()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    [Fact]
    public async Task A_service_starts_with_its_tasks_agent_is_up_in_ps_and_stopped_before_its_worktree_is_removed()
    {
        var port = FreePortBase();
        await using var host = await RunningHost.StartAsync($$"""
            [fleet]
            base = "main"
            agent = ["sh"]
            ports = { first = {{port}}, last = {{port}} }

            [services.web]
            command = "exec python3 -m http.server {port.web} --bind 127.0.0.1"
            port = "web"
            ready = "tcp"

            [[task]]
            name = "feat-01"
            ports = ["web"]
            """);
        await using var cockpit = await host.ConnectAsync();
        (await cockpit.RequestAsync(new HostRequest.CreateTask("feat-01"))).Ok.ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("feat-01")?.Phase), p => p == TaskPhase.Active, "feat-01 active", Slow);

        var web = await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("feat-01")!.Services.FirstOrDefault()),
            s => s?.Phase == ServicePhase.Up, "the web service up", Slow);
        web!.Url.ShouldBe($"http://localhost:{port}");
        var ps = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps"], host.Repo, host.Environment);
        ps.Output.ShouldContain($"service web  http://localhost:{port}  web :{port} up");
        var json = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps", "--json"], host.Repo, host.Environment);
        json.Output.ShouldContain("\"state\": \"up\"");

        var removed = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "rm", "feat-01", "--force"], host.Repo, host.Environment);

        removed.Succeeded.ShouldBeTrue(removed.Output);
        IsAlive(web.Pid!.Value).ShouldBeFalse();
        Directory.Exists(Path.Combine(host.Git.Root, "repo.worktrees", "feat-01")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_service_with_autostart_false_waits_for_fleet_services_start()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [services.manual]
            command = "exec sleep 60"
            autostart = false

            [services.auto]
            command = "exec sleep 60"

            [[task]]
            name = "t"
            """);
        await using var cockpit = await host.ConnectAsync();
        (await cockpit.RequestAsync(new HostRequest.CreateTask("t"))).Ok.ShouldBeTrue();

        // Services start in fleet.toml's order: once 'auto' runs, 'manual' was passed over.
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("t")?.Services.FirstOrDefault(s => s.Name == "auto")?.Phase),
            p => p == ServicePhase.Up, "auto up", Slow);
        cockpit.Snapshot.FindTask("t")!.Services.ShouldNotContain(s => s.Name == "manual");
        var started = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "services", "start", "t", "manual"], host.Repo, host.Environment);

        started.Succeeded.ShouldBeTrue(started.Output);
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("t")!.Services.FirstOrDefault(s => s.Name == "manual")?.Phase),
            p => p == ServicePhase.Up, "manual up", Slow);
    }

    [Fact]
    public async Task A_new_fleet_host_recovering_the_task_starts_its_service_again_with_its_agent()
    {
        var port = FreePortBase();
        await using var host = await RunningHost.StartAsync($$"""
            [fleet]
            base = "main"
            agent = ["sh"]
            ports = { first = {{port}}, last = {{port}} }

            [services.web]
            command = "exec python3 -m http.server {port.web} --bind 127.0.0.1"
            port = "web"
            ready = "tcp"

            [[task]]
            name = "feat-01"
            ports = ["web"]
            """);
        int firstPid;
        await using (var cockpit = await host.ConnectAsync())
        {
            (await cockpit.RequestAsync(new HostRequest.CreateTask("feat-01"))).Ok.ShouldBeTrue();
            var web = await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("feat-01")?.Services.FirstOrDefault()),
                s => s?.Phase == ServicePhase.Up, "the web service up", Slow);
            firstPid = web!.Pid!.Value;
        }

        var stopped = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "host", "stop", "--force"], host.Repo, host.Environment);
        stopped.Succeeded.ShouldBeTrue(stopped.Output);
        await Eventually.HoldsAsync(() => Task.FromResult(IsAlive(firstPid)), alive => !alive, "the service stopped with its host", Slow);
        await host.StartHostAsync();
        await using var again = await host.ConnectAsync();
        await RunningHost.ShowAsync(again, 80, 24, "feat-01"); // a cockpit attaching starts the recovered agents, at its sizes

        var recovered = await Eventually.HoldsAsync(() => Task.FromResult(again.Snapshot.FindTask("feat-01")?.Services.FirstOrDefault()),
            s => s?.Phase == ServicePhase.Up, "the web service up again", Slow);
        recovered!.Pid.ShouldNotBe(firstPid);
        recovered.Port.ShouldBe(port);
    }

    [Fact]
    public async Task A_service_a_killed_host_left_running_is_stopped_by_the_next_host_which_starts_it_again_on_its_port()
    {
        var port = FreePortBase();
        await using var host = await RunningHost.StartAsync($$"""
            [fleet]
            base = "main"
            agent = ["sh"]
            ports = { first = {{port}}, last = {{port}} }

            [services.web]
            command = "trap '' HUP; exec python3 -m http.server {port.web} --bind 127.0.0.1"
            port = "web"
            ready = "tcp"

            [[task]]
            name = "feat-01"
            ports = ["web"]
            """);
        int leftPid;
        await using (var cockpit = await host.ConnectAsync())
        {
            (await cockpit.RequestAsync(new HostRequest.CreateTask("feat-01"))).Ok.ShouldBeTrue();
            var web = await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("feat-01")?.Services.FirstOrDefault()),
                s => s?.Phase == ServicePhase.Up, "the web service up", Slow);
            leftPid = web!.Pid!.Value;
        }

        await host.KillAsync(); // SIGKILL: the host stops nothing; the service ignores the hang-up and keeps the port
        IsAlive(leftPid).ShouldBeTrue();
        await host.StartHostAsync();
        await using var again = await host.ConnectAsync();
        await RunningHost.ShowAsync(again, 80, 24, "feat-01");

        var restarted = await Eventually.HoldsAsync(() => Task.FromResult(again.Snapshot.FindTask("feat-01")?.Services.FirstOrDefault()),
            s => s?.Phase == ServicePhase.Up, "the web service up under the new host", Slow);
        restarted!.Pid.ShouldNotBe(leftPid);
        IsAlive(leftPid).ShouldBeFalse();
    }

    [Fact]
    public async Task Services_verb_names_what_a_task_runs_when_asked_for_another()
    {
        await using var host = await RunningHost.StartAsync("""
            [fleet]
            base = "main"
            agent = ["sh"]

            [services.worker]
            command = "sleep 60"

            [[task]]
            name = "t"
            """);
        await using var cockpit = await host.ConnectAsync();
        (await cockpit.RequestAsync(new HostRequest.CreateTask("t"))).Ok.ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("t")?.Phase), p => p == TaskPhase.Active, "t active", Slow);

        var wrong = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "services", "start", "t", "web"], host.Repo, host.Environment);
        var stop = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "services", "stop", "t"], host.Repo, host.Environment);

        wrong.Succeeded.ShouldBeFalse();
        wrong.Output.ShouldContain("Task 't' has no service 'web' (it runs: worker).");
        stop.Succeeded.ShouldBeTrue(stop.Output);
        (await cockpit.RequestAsync(new HostRequest.Services("t", "worker", "start"))).Ok.ShouldBeTrue();
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot.FindTask("t")!.Services.FirstOrDefault()?.Phase), p => p == ServicePhase.Up, "worker up", Slow);
    }
}
