using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FleetTui.Core.Session;
using FleetTui.Demo;
using FleetTui.Host.Protocol;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// The issue's two environments, run by the real fleet host on real repositories with real dev servers: a frontend-only task
/// sharing the main stack's API, and one spanning the API with its own server there. `fleet ps` shows them side by side.
/// </summary>
[Collection(FleetHostCollection.Name)]
public class EnvironmentsHostTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(45);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task ApiRepositoryAsync(IsolatedGit git)
    {
        var api = Path.Combine(git.Root, "api");
        Directory.CreateDirectory(api);
        await git.GitAsync(api, "init", "--quiet", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(api, "app.rb"), "# api\n");
        await git.GitAsync(api, "add", "-A");
        await git.GitAsync(api, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "api");
    }

    [Fact]
    public async Task Ps_shows_a_frontend_task_sharing_the_main_api_and_a_task_with_its_own_api_each_with_urls_branches_and_status()
    {
        var first = FreePort();
        await using var host = await RunningHost.StartAsync($$"""
            [fleet]
            base = "main"
            agent = ["sh"]
            ports = { first = {{first}}, last = {{first + 20}} }

            [repos.api]
            path = "../api"
            shared_env = { API_URL = "http://localhost:3000" }

            [services.web]
            command = "exec python3 -m http.server {port.web} --bind 127.0.0.1"
            port = "web"
            ready = "tcp"

            [services.api]
            command = ["python3", "-m", "http.server", "{port.api}", "--bind", "127.0.0.1"]
            repo = "api"
            port = "api"
            ready = "http://127.0.0.1:{port.api}/"

            [[task]]
            name = "feat-01"
            ports = ["web"]

            [[task]]
            name = "feat-02"
            repos = ["api"]
            ports = ["web", "api"]
            """, ApiRepositoryAsync);
        await using var cockpit = await host.ConnectAsync();
        (await cockpit.RequestAsync(new HostRequest.CreateTask("feat-01"))).Ok.ShouldBeTrue();
        (await cockpit.RequestAsync(new HostRequest.CreateTask("feat-02"))).Ok.ShouldBeTrue();

        // Both started with their agents: no `fleet services start`.
        await Eventually.HoldsAsync(() => Task.FromResult(cockpit.Snapshot),
            s => s.FindTask("feat-01")?.Services.Count(x => x.Phase == ServicePhase.Up) == 1 && s.FindTask("feat-02")?.Services.Count(x => x.Phase == ServicePhase.Up) == 2,
            "every service up", Slow);
        var ps = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps"], host.Repo, host.Environment);
        var json = await DemoCommand.RunAsync([.. FleetExecutable.Argv(), "ps", "--json"], host.Repo, host.Environment);

        ps.Succeeded.ShouldBeTrue(ps.Output);
        var lines = ps.Output.Split('\n');
        var feat01 = cockpit.Snapshot.FindTask("feat-01")!;
        var feat02 = cockpit.Snapshot.FindTask("feat-02")!;
        lines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^TASK\s+REPO\s+API\s+STATUS$"), ps.Output);
        lines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l,
            $@"^feat-01\s+http://localhost:{feat01.Ports["web"]} \[fleet/feat-01\]\s+shared \(:3000\)\s+running$"), ps.Output);
        lines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l,
            $@"^feat-02\s+http://localhost:{feat02.Ports["web"]} \[fleet/feat-02\]\s+http://localhost:{feat02.Ports["api"]} \[fleet/feat-02\]\s+running$"), ps.Output);
        using var document = JsonDocument.Parse(json.Output);
        var environment = document.RootElement.GetProperty("tasks")[0].GetProperty("environment");
        environment.GetProperty("status").GetString().ShouldBe("running");
        var shared = environment.GetProperty("repos")[1];
        shared.GetProperty("shared").GetBoolean().ShouldBeTrue();
        shared.GetProperty("port").GetInt32().ShouldBe(3000);
    }
}
