using System.Text.Json.Nodes;
using FleetTui.Core.Agents;
using FleetTui.Core.Git;
using FleetTui.RealAgents.Tests.Harness;
using FleetTui.RealAgents.Tests.Mocks;
using FleetTui.RealAgents.Tests.Support;
using FleetTui.Terminal.Pty;

namespace FleetTui.RealAgents.Tests.Stories;

/// <summary>
/// Claude Code in a fleet pane against <see cref="AnthropicMockServer"/>, in a <see cref="Sandbox"/>: its HOME has
/// finished onboarding, approved the mock key and trusts the repository (which covers its worktrees); manual
/// permission mode (auto mode off, so tools ask). With hooks, the worktree gets fleet's Claude Code hooks, as the
/// runtime installs them, calling the real <c>fleet signal</c>.
/// </summary>
public sealed class ClaudeCodeSession : IAsyncDisposable
{
    public const string ApiKey = "sk-ant-api03-fleettui-mock-0123456789abcdefghijklmnop";

    private ClaudeCodeSession(Sandbox sandbox, AnthropicMockServer server, AgentPane pane, HookFeed? hooks)
    {
        Sandbox = sandbox;
        Server = server;
        Pane = pane;
        Hooks = hooks;
    }

    public Sandbox Sandbox { get; }

    public AnthropicMockServer Server { get; }

    public AgentPane Pane { get; }

    public HookFeed? Hooks { get; }

    public static async Task<ClaudeCodeSession> StartAsync(string prompt, bool hooks, AgentStateDetectorOptions? options = null)
    {
        var sandbox = new Sandbox();
        var server = new AnthropicMockServer();
        WriteHome(sandbox);
        var run = Guid.NewGuid().ToString("N")[..12];
        var pane = new AgentPane(AgentPresets.HintsFor("claude"), options);
        HookFeed? feed = null;
        if (hooks)
        {
            await ClaudeHooksInstaller.InstallAsync(new GitCli(), sandbox.Worktree, Sandbox.Task, FleetCommand.Argv);
            feed = new HookFeed(sandbox.CommonGitDir, Sandbox.Task, run, pane);
        }

        var environment = sandbox.BaseEnvironment();
        environment["ANTHROPIC_BASE_URL"] = server.BaseUrl;
        environment["ANTHROPIC_API_KEY"] = ApiKey;
        environment["DISABLE_TELEMETRY"] = "1";
        environment["DISABLE_AUTOUPDATER"] = "1";
        environment["DISABLE_ERROR_REPORTING"] = "1";
        environment["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
        environment["FLEET_TASK"] = Sandbox.Task;
        environment["FLEET_REPO"] = sandbox.Worktree;
        environment[AgentSignal.RunVariable] = run;
        pane.Start(new PtySpawnOptions([AgentInstall.PathOf("claude"), prompt])
        {
            WorkingDirectory = sandbox.Worktree,
            Environment = environment,
            InheritEnvironment = false,
        });
        return new ClaudeCodeSession(sandbox, server, pane, feed);
    }

    private static void WriteHome(Sandbox sandbox)
    {
        var config = new JsonObject
        {
            ["hasCompletedOnboarding"] = true,
            ["customApiKeyResponses"] = new JsonObject { ["approved"] = new JsonArray(ApiKey[^20..]), ["rejected"] = new JsonArray() },
            // Claude Code keys a worktree's trust by its main repository's root.
            ["projects"] = new JsonObject { [sandbox.Repo] = new JsonObject { ["hasTrustDialogAccepted"] = true } },
        };
        File.WriteAllText(Path.Combine(sandbox.Home, ".claude.json"), config.ToJsonString());
        var settings = Directory.CreateDirectory(Path.Combine(sandbox.Home, ".claude")).FullName;
        File.WriteAllText(Path.Combine(settings, "settings.json"),
            """{"permissions":{"defaultMode":"default","disableAutoMode":"disable"}}""");
    }

    public async ValueTask DisposeAsync()
    {
        Pane.Dispose();
        Hooks?.Dispose();
        await Server.DisposeAsync();
        Sandbox.Dispose();
    }
}
