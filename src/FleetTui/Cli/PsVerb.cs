using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetTui.Cli.Remote;
using FleetTui.Core.Config.Hosts;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary><c>fleet ps [--json]</c>: the fleet at a glance (schema of --json: docs/ps-json.md).</summary>
public static class PsVerb
{
    /// <summary>The <c>version</c> of the --json schema; bumped only on incompatible changes (fields are only ever added).</summary>
    public const int JsonSchemaVersion = 1;

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of the table (stable schema, see docs/ps-json.md)." };
        var command = new Command("ps",
            "List the fleet's tasks: branch, phase, commits ahead/behind the base, uncommitted paths, ports and gate. " +
            "Also prints what was recovered since the last run (worktrees deleted by hand, branches moved).")
        {
            json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (fleet, exit) = await FleetWorkspace.OpenAsync(context, cancellationToken, readOnly: true);
            if (fleet is null)
                return exit;
            await using (fleet)
            {
                await fleet.SendAsync(new SessionCommand.RefreshStatus());
                var snapshot = fleet.Current;
                var remotes = snapshot.Config.Hosts.Count == 0
                    ? []
                    : await RemoteHostViews.ReadAllAsync(context, snapshot.RepoRoot, snapshot.Config, cancellationToken);
                context.Out.Write(parse.GetValue(json) ? Json(snapshot, remotes) : Table(snapshot, remotes));
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>kebab-case phase names, as in the table and the JSON (<c>setup-failed</c>).</summary>
    public static string PhaseName(TaskPhase phase) => phase switch
    {
        TaskPhase.SettingUp => "setting-up",
        TaskPhase.SetupFailed => "setup-failed",
        _ => phase.ToString().ToLowerInvariant(),
    };

    public static string Table(SessionSnapshot snapshot) => Table(snapshot, []);

    /// <summary>
    /// Each task in one row; with remote hosts configured, a HOST column (<c>local</c> or the host's name) and the
    /// remote hosts' tasks, then a line for each host that did not answer.
    /// </summary>
    public static string Table(SessionSnapshot snapshot, IReadOnlyList<RemoteHostView> remotes)
    {
        var withHosts = snapshot.Config.Hosts.Count > 0;
        string[] header = ["TASK", "BRANCH", "PHASE", "AHEAD/BEHIND", "DIRTY", "PORTS", "GATE"];
        var rows = new List<string[]> { withHosts ? [header[0], "HOST", .. header[1..]] : header };
        var listed = Listed(snapshot, remotes);
        // A row under its task's (a repository, a service): no host of its own.
        void UnderTask(string[] row) => rows.Add(withHosts ? [row[0], "", .. row[1..]] : row);
        foreach (var (host, task) in listed)
        {
            string[] cells =
            [
                task.Name,
                task.Branch,
                PhaseName(task.Phase),
                task.Status is { } s ? $"+{s.Ahead}/-{s.Behind}" : "-",
                task.Status is { } d ? d.Uncommitted.ToString(CultureInfo.InvariantCulture) : "-",
                task.Ports.Count == 0 ? "-" : string.Join(',', task.Ports.Select(p => $"{p.Key}:{p.Value}")),
                task.Gate.Outcome.ToString().ToLowerInvariant(),
            ];
            rows.Add(withHosts ? [cells[0], host, .. cells[1..]] : cells);
            // Each other repository the task spans, under it: the same branch there, against that repository's base.
            foreach (var repo in task.Repos)
            {
                UnderTask(
                [
                    $"  {repo.Name}:",
                    task.Branch,
                    $"from {repo.BaseBranch}",
                    repo.Status is { } rs ? $"+{rs.Ahead}/-{rs.Behind}" : "-",
                    repo.Status is { } rd ? rd.Uncommitted.ToString(CultureInfo.InvariantCulture) : "-",
                    "",
                    "",
                ]);
            }

            // Each service the host runs for it: where it answers and how it is ("web :41002 up", "… restarting in 4s").
            foreach (var service in task.Services)
                UnderTask([$"  service {service.Name}", service.Url ?? "-", service.Describe(DateTimeOffset.UtcNow), "", "", "", ""]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"base: {snapshot.BaseBranch}  ({listed.Count} task(s))\n");
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        text.Append(PsEnvironments.Table(snapshot));
        foreach (var task in snapshot.Tasks.Where(t => t.Note is not null || t.Status?.OutOfScope.Count > 0))
        {
            if (task.Note is not null)
                text.Append(CultureInfo.InvariantCulture, $"{task.Name}: {task.Note}\n");
            if (task.Status?.OutOfScope is { Count: > 0 } outside)
                text.Append(CultureInfo.InvariantCulture, $"{task.Name}: {outside.Count} file(s) outside scope: {string.Join(", ", outside.Take(5))}\n");
        }

        foreach (var note in snapshot.RecoveryNotes)
            text.Append(CultureInfo.InvariantCulture, $"recovered: {note}\n");
        foreach (var remote in remotes.Where(r => r.Error is not null))
            text.Append(CultureInfo.InvariantCulture, $"host {remote.Host.Name}: {remote.Error}\n");
        return text.ToString();
    }

    /// <summary>
    /// Local tasks, then each remote host's. A task fleet.toml puts on a remote host is that host's row when the host
    /// has it, else shown (pending) under that host from the local declaration.
    /// </summary>
    private static List<(string Host, TaskSnapshot Task)> Listed(SessionSnapshot snapshot, IReadOnlyList<RemoteHostView> remotes)
    {
        var remoteNames = remotes.ToDictionary(r => r.Host.Name, r => r.Tasks.Select(t => t.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var listed = new List<(string, TaskSnapshot)>();
        foreach (var task in snapshot.Tasks)
        {
            var host = snapshot.Config.FindTask(task.Name)?.Host;
            if (host is null)
                listed.Add((RemoteHostNames.Local, task));
            else if (!remoteNames.TryGetValue(host, out var there) || !there.Contains(task.Name))
                listed.Add((host, task));
        }
        foreach (var remote in remotes)
            listed.AddRange(remote.Tasks.Select(t => (remote.Host.Name, t)));
        return listed;
    }

    public static string Json(SessionSnapshot snapshot) => Json(snapshot, []);

    public static string Json(SessionSnapshot snapshot, IReadOnlyList<RemoteHostView> remotes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", JsonSchemaVersion);
            json.WriteString("base", snapshot.BaseBranch);
            json.WriteString("repo", snapshot.RepoRoot);
            json.WriteStartArray("tasks");
            foreach (var (host, task) in Listed(snapshot, remotes))
                WriteTask(json, snapshot, task, host);
            json.WriteEndArray();
            WriteStrings(json, "notes", snapshot.RecoveryNotes);
            json.WriteStartArray("hosts");
            foreach (var remote in remotes)
            {
                json.WriteStartObject();
                json.WriteString("name", remote.Host.Name);
                json.WriteString("ssh", remote.Host.Ssh);
                json.WriteString("path", remote.Host.Path);
                json.WriteString("state", remote.Error is null ? "connected" : "unreachable");
                WriteStringOrNull(json, "error", remote.Error);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTask(Utf8JsonWriter json, SessionSnapshot snapshot, TaskSnapshot task, string host)
    {
        json.WriteStartObject();
        json.WriteString("name", task.Name);
        json.WriteString("host", host);
        json.WriteString("branch", task.Branch);
        json.WriteString("base", task.BaseBranch);
        json.WriteString("phase", PhaseName(task.Phase));
        json.WriteString("agent", task.AgentName);
        json.WriteString("worktree", task.WorktreePath);
        WriteBranchStatus(json, task.Status);
        json.WriteStartObject("ports");
        foreach (var (name, port) in task.Ports.OrderBy(p => p.Key, StringComparer.Ordinal))
            json.WriteNumber(name, port);
        json.WriteEndObject();
        json.WriteStartObject("gate");
        json.WriteString("outcome", task.Gate.Outcome.ToString().ToLowerInvariant());
        json.WriteNumber("run", task.Gate.RunNumber);
        WriteStringOrNull(json, "log", task.Gate.LogPath);
        json.WriteEndObject();
        WriteStrings(json, "outOfScope", task.Status?.OutOfScope ?? []);
        WriteStrings(json, "dependsOn", task.DependsOn);
        WriteStrings(json, "reviewConflicts", task.ReviewConflicts);
        WriteStringOrNull(json, "database", task.Database);
        WriteStringOrNull(json, "note", task.Note);
        WriteStringOrNull(json, "setupLog", task.SetupLog);
        json.WriteString("origin", task.Origin == TaskOrigin.Cli ? "cli" : "config");
        json.WriteStartArray("repos");
        foreach (var repo in task.Repos)
        {
            json.WriteStartObject();
            json.WriteString("name", repo.Name);
            json.WriteString("branch", task.Branch);
            json.WriteString("base", repo.BaseBranch);
            json.WriteString("worktree", repo.WorktreePath);
            WriteBranchStatus(json, repo.Status);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("services");
        foreach (var service in task.Services)
        {
            json.WriteStartObject();
            json.WriteString("name", service.Name);
            WriteStringOrNull(json, "repo", service.Repo);
            WriteNumberOrNull(json, "port", service.Port);
            WriteStringOrNull(json, "url", service.Url);
            json.WriteString("state", ServicePhaseName(service.Phase));
            WriteNumberOrNull(json, "pid", service.Pid);
            WriteNumberOrNull(json, "exitCode", service.ExitCode);
            json.WriteNumber("restarts", service.Restarts);
            WriteStringOrNull(json, "message", service.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        PsEnvironments.WriteJson(json, snapshot, task);
        json.WriteEndObject();
    }

    /// <summary>kebab-case service states, as in the JSON (<c>not-ready</c>).</summary>
    public static string ServicePhaseName(ServicePhase phase) => phase switch
    {
        ServicePhase.NotReady => "not-ready",
        _ => phase.ToString().ToLowerInvariant(),
    };

    /// <summary>ahead, behind, uncommitted and lastCommit: null each when there is no worktree.</summary>
    private static void WriteBranchStatus(Utf8JsonWriter json, Core.Worktrees.BranchStatus? status)
    {
        WriteNumberOrNull(json, "ahead", status?.Ahead);
        WriteNumberOrNull(json, "behind", status?.Behind);
        WriteNumberOrNull(json, "uncommitted", status?.Uncommitted);
        if (status?.LastCommit is { } commit)
        {
            json.WriteStartObject("lastCommit");
            json.WriteString("sha", commit.Sha);
            json.WriteString("subject", commit.Subject);
            json.WriteString("when", commit.When.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lastCommit");
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
