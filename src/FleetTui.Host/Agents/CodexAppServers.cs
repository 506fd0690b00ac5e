using System.Text;
using FleetTui.Core.Agents;

namespace FleetTui.Host.Agents;

/// <summary>
/// Codex CLI starts a detached <c>codex app-server</c> daemon (its own session, parent 1) that outlives its TUI and
/// serves every Codex TUI of the same CODEX_HOME. Found through /proc: a process whose argv[0] is a <c>codex</c>
/// executable and whose argv holds <c>app-server</c>. It is ours to stop when it was started by this task's launch (its
/// environment carries the launch id, <see cref="AgentSignal.RunVariable"/>) or from the task's worktree (its cwd),
/// and no other Codex TUI of the same home still uses it.
/// </summary>
public static partial class CodexAppServers
{
    /// <summary>A daemon process and whether stopping it is ours to do (else why not).</summary>
    public sealed record Daemon(int Pid, bool Ours, string Why);

    /// <summary>Why a daemon that has nothing to do with the task is not ours.</summary>
    public const string OtherSession = "started by another Codex session";

    public static IReadOnlyList<Daemon> Find(string? run, string worktree, string procRoot = "/proc")
    {
        var processes = Processes(procRoot).ToList();
        var daemons = processes.Where(p => p.IsCodex && p.IsAppServer).ToList();
        var result = new List<Daemon>();
        foreach (var daemon in daemons)
        {
            var fromLaunch = run is not null && daemon.Environment.GetValueOrDefault(AgentSignal.RunVariable) == run;
            var fromWorktree = daemon.Cwd is { } cwd && IsUnder(cwd, worktree);
            if (!fromLaunch && !fromWorktree)
            {
                result.Add(new Daemon(daemon.Pid, false, OtherSession));
                continue;
            }

            // Another Codex TUI of the same home, outside this task, is still served by it.
            var users = processes.Where(p => p.IsCodex && !p.IsAppServer && p.Home == daemon.Home
                && p.Environment.GetValueOrDefault(AgentSignal.RunVariable) != run && !(p.Cwd is { } c && IsUnder(c, worktree))).ToList();
            result.Add(users.Count == 0
                ? new Daemon(daemon.Pid, true, fromLaunch ? "started by this task's agent" : "started in this task's worktree")
                : new Daemon(daemon.Pid, false, $"also serves Codex pid {string.Join(", ", users.Select(u => u.Pid))}"));
        }

        return result;
    }

    /// <summary>Stops our daemons (SIGTERM, then SIGKILL after <paramref name="grace"/>); returns the ones left running, ours or not.</summary>
    public static async Task<IReadOnlyList<Daemon>> StopOursAsync(string? run, string worktree, TimeSpan grace, string procRoot = "/proc")
    {
        var found = Find(run, worktree, procRoot);
        var ours = found.Where(d => d.Ours).ToList();
        foreach (var daemon in ours)
            _ = Kill(daemon.Pid, Terminate);
        var deadline = DateTime.UtcNow + grace;
        while (ours.Any(d => Alive(d.Pid, procRoot)) && DateTime.UtcNow < deadline)
            await Task.Delay(50).ConfigureAwait(false);
        foreach (var daemon in ours.Where(d => Alive(d.Pid, procRoot)))
            _ = Kill(daemon.Pid, KillSignal);
        return [.. found.Where(d => !d.Ours || Alive(d.Pid, procRoot))];
    }

    /// <summary>The pane's line about daemons left running, or null when none is.</summary>
    public static string? Describe(IReadOnlyList<Daemon> left) =>
        left.Count == 0 ? null
        : "codex app-server still running: " + string.Join("; ", left.Select(d => $"pid {d.Pid} ({d.Why})"));

    private const int Terminate = 15;
    private const int KillSignal = 9;

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static bool Alive(int pid, string procRoot)
    {
        try
        {
            // A zombie has no cmdline; a reaped process has no folder.
            var stat = File.ReadAllText(Path.Combine(procRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat"));
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(folder);
        return path == full || path.StartsWith(full + "/", StringComparison.Ordinal);
    }

    private sealed record ProcessFacts(int Pid, IReadOnlyList<string> Argv, string? Cwd, IReadOnlyDictionary<string, string> Environment)
    {
        public bool IsCodex => Argv.Count > 0 && Path.GetFileName(Argv[0]) == "codex" || Argv.Count > 1 && Path.GetFileName(Argv[1]) == "codex";

        public bool IsAppServer => Argv.Contains("app-server");

        public string? Home => Environment.GetValueOrDefault("CODEX_HOME") ?? Environment.GetValueOrDefault("HOME");
    }

    private static IEnumerable<ProcessFacts> Processes(string procRoot)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(procRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var folder in folders)
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
                continue;
            ProcessFacts? facts = null;
            try
            {
                var argv = Split(File.ReadAllBytes(Path.Combine(folder, "cmdline")));
                if (argv.Count == 0 || !argv.Take(2).Any(a => Path.GetFileName(a) == "codex"))
                    continue;
                var environment = Split(File.ReadAllBytes(Path.Combine(folder, "environ")))
                    .Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2)
                    .GroupBy(kv => kv[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
                string? cwd = null;
                try
                {
                    cwd = new DirectoryInfo(Path.Combine(folder, "cwd")).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
                facts = new ProcessFacts(pid, argv, cwd, environment);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone, or someone else's
            }
            if (facts is not null)
                yield return facts;
        }
    }

    private static List<string> Split(byte[] nulSeparated) =>
        [.. Encoding.UTF8.GetString(nulSeparated).Split('\0', StringSplitOptions.RemoveEmptyEntries)];
}
