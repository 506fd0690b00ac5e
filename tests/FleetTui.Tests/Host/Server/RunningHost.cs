using System.Diagnostics;
using FleetTui.Host.Client;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Host.Server;
using FleetTui.Tests.Demo;

namespace FleetTui.Tests.Host.Server;

/// <summary>
/// The real <c>fleet host serve</c> on a temporary repository, reached over its real Unix socket: what every cockpit and
/// CLI verb talks to. Stopped (SIGTERM, then SIGKILL) with everything it started when disposed.
/// </summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    private Process? _process;

    private RunningHost(IsolatedGit git, string repo)
    {
        Git = git;
        Repo = repo;
    }

    public IsolatedGit Git { get; }

    public string Repo { get; }

    public HostPaths Paths => HostPaths.For(Path.Combine(Repo, ".git"), Git.HostFolder);

    public int Pid => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>The environment of the host and of verbs run beside it: isolated git (with an identity for merge commits), a plain shell.</summary>
    public Dictionary<string, string> Environment => new(Git.Environment)
    {
        ["SHELL"] = "/bin/sh",
        ["PS1"] = "$ ",
        ["GIT_AUTHOR_NAME"] = "fleet test",
        ["GIT_AUTHOR_EMAIL"] = "fleet@example.com",
        ["GIT_COMMITTER_NAME"] = "fleet test",
        ["GIT_COMMITTER_EMAIL"] = "fleet@example.com",
    };

    /// <summary>A repository with <paramref name="fleetToml"/> committed on main (and its extra files), and its host serving it.</summary>
    public static Task<RunningHost> StartAsync(string fleetToml, params (string Path, string Text)[] files) =>
        StartAsync(fleetToml, prepare: null, files);

    /// <summary>As above, after <paramref name="prepare"/> made what the fleet.toml needs beside the repository (another repository).</summary>
    public static async Task<RunningHost> StartAsync(string fleetToml, Func<IsolatedGit, Task>? prepare, params (string Path, string Text)[] files)
    {
        var git = new IsolatedGit();
        if (prepare is not null)
            await prepare(git);
        var repo = Path.Combine(git.Root, "repo");
        Directory.CreateDirectory(repo);
        await git.GitAsync(repo, "init", "--quiet", "-b", "main");
        foreach (var (path, text) in files.Append(("fleet.toml", fleetToml)))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo, path))!);
            await File.WriteAllTextAsync(Path.Combine(repo, path), text);
        }
        await git.GitAsync(repo, "add", "-A");
        await git.GitAsync(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "init");
        var host = new RunningHost(git, repo);
        await host.StartHostAsync();
        return host;
    }

    /// <summary>Starts (again) the host process and waits until its socket answers.</summary>
    public async Task StartHostAsync()
    {
        var start = new ProcessStartInfo(FleetExecutable.Argv()[0]) { WorkingDirectory = Repo, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in FleetExecutable.Argv().Skip(1).Concat(["host", "serve", "--repo", Repo]))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in Environment)
            start.Environment[name] = value;
        start.Environment.Remove("DisableRealDriverIO");
        _process = Process.Start(start)!;
        await Eventually.HoldsAsync(async () =>
        {
            await using var stream = await HostConnector.TryConnectAsync(Paths.Socket);
            return stream is not null;
        }, up => up, "the fleet host's socket to answer", Slow);
    }

    public async Task<HostClient> ConnectAsync(ClientKind kind = ClientKind.Cockpit, bool readOnly = false)
    {
        var stream = await HostConnector.TryConnectAsync(Paths.Socket) ?? throw new InvalidOperationException("no host answers");
        return await HostClient.ConnectAsync(stream, new ClientMessage.Hello(ProtocolVersion.Current, kind, readOnly));
    }

    /// <summary>Sends a view of <paramref name="tasks"/> (each <paramref name="columns"/> x <paramref name="rows"/>) and waits for their screens.</summary>
    public static async Task<IReadOnlyList<PaneMirror>> ShowAsync(HostClient client, int columns, int rows, params string[] tasks)
    {
        client.Post(new ClientMessage.View([.. tasks.Select(t => new PaneViewSpec(t, columns, rows))], tasks.FirstOrDefault()));
        var mirrors = new List<PaneMirror>();
        foreach (var task in tasks)
            mirrors.Add(await Eventually.HoldsAsync(() => Task.FromResult(client.MirrorFor(task)), m => m is not null, $"{task}'s screen", Slow) ?? throw new InvalidOperationException());
        return mirrors;
    }

    public static string Text(PaneMirror mirror)
    {
        lock (mirror.SyncRoot)
            return string.Join("\n", Enumerable.Range(0, mirror.Rows).Select(mirror.RowText));
    }

    public static Task<string> ScreenAsync(PaneMirror mirror, Func<string, bool> condition, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(Text(mirror)), condition, what, Slow);

    public static void Type(HostClient client, string task, string text)
    {
        foreach (var c in text)
            client.Post(ClientMessage.KeyPress.Of(task, c == '\r' ? Terminal.Input.KeyInput.Special(Terminal.Input.Key.Enter) : Terminal.Input.KeyInput.Char(c)));
    }

    /// <summary>The host's resident memory in KiB (VmRSS).</summary>
    public long ResidentKilobytes()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Log() => File.Exists(Paths.Log) ? File.ReadAllText(Paths.Log) : "";

    /// <summary>Kills the host with SIGKILL: no chance to stop its agents (what a crash or the OOM killer does).</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            FleetHosts.StopAll(Git.HostFolder);
            if (!_process.HasExited)
                _process.Kill();
            await _process.WaitForExitAsync();
        }
        KillRecordedLeftovers();
        Git.Dispose();
    }

    /// <summary>
    /// Agents and services the host recorded and did not stop (a host killed on a loaded machine after StopAll's 10 s, or
    /// by the test itself; a service that ignores the hang-up outlives it): never left running after the test.
    /// </summary>
    private void KillRecordedLeftovers()
    {
        var fleetDir = Path.Combine(Repo, ".git", "fleet");
        if (!File.Exists(FleetTui.Host.Agents.AgentRecords.PathIn(fleetDir)))
            return;
        foreach (var record in FleetTui.Host.Agents.AgentRecords.Load(fleetDir).All)
        {
            if (new FleetTui.Terminal.Pty.ProcessIdentity(record.Pid, record.StartTicks).IsAlive)
                FleetTui.Terminal.Pty.ProcessGroup.Signal(record.Pid, 9);
        }
    }
}
