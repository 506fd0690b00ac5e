using System.Text;
using FleetTui.Core.Agents;
using FleetTui.Host.Agents;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Host.Agents;

/// <summary>
/// Which Codex app-server daemons a task may stop, read from a /proc laid out as Linux does (argv and environment
/// NUL-separated, cwd a symbolic link). The real daemon is stopped for real in the real-agent tests.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CodexAppServersTests : IDisposable
{
    private readonly string _proc = Directory.CreateTempSubdirectory("fleet-proc-").FullName;
    private const string Worktree = "/src/shop.worktrees/cart";
    private const string Daemon = "/home/me/.codex/packages/app-server-daemon/releases/0.171.0/bin/codex";

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    private void Process(int pid, string[] argv, string cwd, params string[] environment)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        File.WriteAllBytes(Path.Combine(folder, "cmdline"), Encoding.UTF8.GetBytes(string.Join('\0', argv) + "\0"));
        File.WriteAllBytes(Path.Combine(folder, "environ"), Encoding.UTF8.GetBytes(string.Join('\0', environment) + "\0"));
        File.CreateSymbolicLink(Path.Combine(folder, "cwd"), cwd);
        File.WriteAllText(Path.Combine(folder, "stat"), $"{pid} (codex) S 1 {pid} {pid} 0");
    }

    [Fact]
    public void A_daemon_started_by_the_tasks_launch_is_ours()
    {
        Process(100, [Daemon, "app-server", "--listen", "unix://"], Worktree, "HOME=/home/me", $"{AgentSignal.RunVariable}=run1");
        Process(101, [Daemon, "app-server", "daemon", "pid-update-loop"], Worktree, "HOME=/home/me", $"{AgentSignal.RunVariable}=run1");
        Process(200, ["/usr/bin/bash"], "/tmp", "HOME=/home/me");

        CodexAppServers.Find("run1", Worktree, _proc).ShouldBe(
        [
            new CodexAppServers.Daemon(100, true, "started by this task's agent"),
            new CodexAppServers.Daemon(101, true, "started by this task's agent"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void A_daemon_that_also_serves_another_codex_is_not_ours_and_one_from_elsewhere_is_none_of_our_business()
    {
        Process(100, [Daemon, "app-server", "--listen", "unix://"], Worktree + "/src", "HOME=/home/me");
        Process(150, ["/usr/lib/node_modules/@openai/codex/bin/codex"], "/src/blog", "HOME=/home/me");
        Process(300, ["/opt/codex/codex", "app-server"], "/elsewhere", "HOME=/home/other");

        var found = CodexAppServers.Find("run2", Worktree, _proc);

        found.ShouldContain(new CodexAppServers.Daemon(100, false, "also serves Codex pid 150"));
        found.ShouldContain(new CodexAppServers.Daemon(300, false, CodexAppServers.OtherSession));
        CodexAppServers.Describe([.. found.Where(d => d.Why != CodexAppServers.OtherSession)])
            .ShouldBe("codex app-server still running: pid 100 (also serves Codex pid 150)");
    }
}
