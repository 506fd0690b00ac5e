using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetTui.Core.Session;

namespace FleetTui.Cli;

/// <summary>
/// Pure: each task's environment as <c>fleet ps</c> shows it under the task table when fleet.toml declares repositories or
/// services: one column per repository (this one first, then each <c>[repos.&lt;name&gt;]</c>) holding where the task's
/// service there answers and its branch (<c>http://localhost:3002 [fleet/feat-02]</c>), or, for a repository the task does
/// not span, the main stack it shares (<c>shared (:3000)</c>, from that repository's <c>shared_env</c>); then how its services are.
/// </summary>
public static partial class PsEnvironments
{
    /// <summary>One repository's cell: the task's own worktree there (URL may be null) or the shared main stack.</summary>
    public sealed record Cell(string? Repo, string Name, bool Shared, string? Url, string? Branch)
    {
        public string Text => Shared
            ? (Url is not null && PortOf(Url) is { } port ? $"shared (:{port})" : "shared")
            : $"{(Url is null ? "" : Url + " ")}[{Branch}]";
    }

    /// <summary>True when there is anything to show: fleet.toml declares other repositories or services.</summary>
    public static bool Apply(SessionSnapshot snapshot) => snapshot.Config.Repos.Count > 0 || snapshot.Config.Services.Count > 0;

    public static string MainName(SessionSnapshot snapshot) => Path.GetFileName(snapshot.RepoRoot.TrimEnd('/'));

    public static IReadOnlyList<Cell> Cells(SessionSnapshot snapshot, TaskSnapshot task)
    {
        var cells = new List<Cell> { new(null, MainName(snapshot), false, UrlIn(task, null), task.Branch) };
        foreach (var repo in snapshot.Config.Repos)
        {
            cells.Add(task.Repos.Any(r => r.Name == repo.Name)
                ? new Cell(repo.Name, repo.Name, false, UrlIn(task, repo.Name), task.Branch)
                : new Cell(repo.Name, repo.Name, true, repo.SharedEnv.Values.Select(FirstUrl).FirstOrDefault(u => u is not null), null));
        }

        return cells;
    }

    /// <summary>
    /// The task's services at a glance: <c>running</c> (all up), <c>starting</c>, <c>not ready</c>, <c>restarting</c> (one crashed),
    /// <c>exited</c>, <c>partly stopped</c>, <c>stopped</c>; <c>-</c> when it runs none. A service declared but never started counts as stopped.
    /// </summary>
    public static string Status(SessionSnapshot snapshot, TaskSnapshot task)
    {
        var declared = snapshot.Config.ServicesOf([.. task.Repos.Select(r => r.Name)]).Select(s => s.Name).ToList();
        if (declared.Count == 0 && task.Services.Count == 0)
            return "-";
        var phases = declared.Select(name => task.Services.FirstOrDefault(s => s.Name == name)?.Phase ?? ServicePhase.Stopped)
            .Concat(task.Services.Where(s => !declared.Contains(s.Name)).Select(s => s.Phase))
            .ToList();
        if (phases.Contains(ServicePhase.Restarting))
            return "restarting";
        if (phases.Contains(ServicePhase.Exited))
            return "exited";
        if (phases.Contains(ServicePhase.NotReady))
            return "not ready";
        if (phases.Contains(ServicePhase.Starting))
            return "starting";
        if (phases.All(p => p == ServicePhase.Up))
            return "running";
        return phases.All(p => p == ServicePhase.Stopped) ? "stopped" : "partly stopped";
    }

    /// <summary>The table (TASK, one column per repository, STATUS), or "" when there is nothing to show.</summary>
    public static string Table(SessionSnapshot snapshot)
    {
        if (!Apply(snapshot) || snapshot.Tasks.Count == 0)
            return "";
        var rows = new List<string[]>();
        rows.Add(["TASK", .. Cells(snapshot, snapshot.Tasks[0]).Select(c => c.Name.ToUpperInvariant()), "STATUS"]);
        foreach (var task in snapshot.Tasks)
            rows.Add([task.Name, .. Cells(snapshot, task).Select(c => c.Text), Status(snapshot, task)]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder("\n");
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>The task's <c>environment</c> object of <c>ps --json</c> (docs/ps-json.md).</summary>
    public static void WriteJson(Utf8JsonWriter json, SessionSnapshot snapshot, TaskSnapshot task)
    {
        json.WriteStartObject("environment");
        json.WriteString("status", Status(snapshot, task));
        json.WriteStartArray("repos");
        foreach (var cell in Cells(snapshot, task))
        {
            json.WriteStartObject();
            if (cell.Repo is null)
                json.WriteNull("repo");
            else
                json.WriteString("repo", cell.Repo);
            json.WriteString("name", cell.Name);
            json.WriteBoolean("shared", cell.Shared);
            if (cell.Url is null)
                json.WriteNull("url");
            else
                json.WriteString("url", cell.Url);
            if (cell.Url is not null && PortOf(cell.Url) is { } port)
                json.WriteNumber("port", port);
            else
                json.WriteNull("port");
            if (cell.Branch is null)
                json.WriteNull("branch");
            else
                json.WriteString("branch", cell.Branch);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Where the task's service in that repository answers: the first with a port, or null.</summary>
    private static string? UrlIn(TaskSnapshot task, string? repo) => task.Services.FirstOrDefault(s => s.Repo == repo && s.Url is not null)?.Url;

    private static string? FirstUrl(string value) => UrlPattern().Match(value) is { Success: true } match ? match.Value : null;

    private static int? PortOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Port : null;

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
