using FleetTui.Core.Agents;
using FleetTui.Host.Agents;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Mocks;
using FleetTui.RealAgents.Tests.Support;
using FleetTui.Terminal.Pty;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>
/// Codex CLI in a fleet pane against <see cref="ResponsesMockServer"/> through a custom model provider in its
/// throwaway HOME (<c>~/.codex/config.toml</c>), the worktree trusted; fleet's Codex hooks (<c>-c notify=…</c>) on unless
/// asked otherwise. With them Codex runs its app-server in process; without, it starts the shared daemon.
/// Disposing stops the app-server daemon this launch started (<see cref="CodexAppServers"/>), as stopping a task does.
/// </summary>
public sealed class CodexSession : IAsyncDisposable
{
    private CodexSession(Sandbox sandbox, ResponsesMockServer server, AgentPane pane, HookFeed hooks, string run)
    {
        Sandbox = sandbox;
        Server = server;
        Pane = pane;
        Hooks = hooks;
        Run = run;
    }

    public Sandbox Sandbox { get; }

    public ResponsesMockServer Server { get; }

    public AgentPane Pane { get; }

    public HookFeed Hooks { get; }

    public string Run { get; }

    public static Task<CodexSession> StartAsync(string prompt, bool hooks = true)
    {
        var sandbox = new Sandbox();
        var server = new ResponsesMockServer();
        var codexHome = Directory.CreateDirectory(Path.Combine(sandbox.Home, ".codex")).FullName;
        File.WriteAllText(Path.Combine(codexHome, "config.toml"), $"""
            model = "gpt-5-codex"
            model_provider = "mock"
            check_for_update_on_startup = false

            [model_providers.mock]
            name = "mock"
            base_url = "{server.BaseUrl}"
            wire_api = "responses"
            env_key = "MOCK_API_KEY"

            [projects."{sandbox.Worktree}"]
            trust_level = "trusted"
            """);
        var run = Guid.NewGuid().ToString("N")[..12];
        var pane = new AgentPane(AgentPresets.HintsFor("codex"));
        var feed = new HookFeed(sandbox.CommonGitDir, Sandbox.Task, run, pane);
        var environment = sandbox.BaseEnvironment();
        environment["MOCK_API_KEY"] = "mock";
        environment["FLEET_TASK"] = Sandbox.Task;
        environment["FLEET_REPO"] = sandbox.Worktree;
        environment[AgentSignal.RunVariable] = run;
        pane.Start(new PtySpawnOptions([AgentInstall.PathOf("codex"), .. hooks ? CodexHooks.LaunchArguments(FleetCommand.Argv, Sandbox.Task) : [], prompt])
        {
            WorkingDirectory = sandbox.Worktree,
            Environment = environment,
            InheritEnvironment = false,
        });
        return Task.FromResult(new CodexSession(sandbox, server, pane, feed, run));
    }

    /// <summary>Stops the agent as fleet does, then its daemon; returns the daemons left running.</summary>
    public async Task<IReadOnlyList<CodexAppServers.Daemon>> StopAsync()
    {
        await AgentStopper.StopAsync(Pane.Terminal, TimeSpan.FromSeconds(2));
        return await CodexAppServers.StopOursAsync(Run, Sandbox.Worktree, TimeSpan.FromSeconds(3));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Pane.Dispose();
        Hooks.Dispose();
        await Server.DisposeAsync();
        Sandbox.Dispose();
    }
}
