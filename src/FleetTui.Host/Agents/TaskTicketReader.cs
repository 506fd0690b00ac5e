using FleetTui.Core.Config;
using FleetTui.Host.Agents;

namespace FleetTui.Host.Agents;

/// <summary>Reads what a task's agent is handed for the ticket view: the fleet's context, then the task's ticket file or prompt.</summary>
public static class TaskTicketReader
{
    public static TaskTicket? Read(FleetConfig config, string repoRoot, TaskConfig? task)
    {
        if (task is null || (task.Ticket is null && task.Prompt is null))
            return null;
        var sources = new List<string>();
        var parts = new List<string>();
        if (config.Fleet.Context is { } context)
        {
            sources.Add($"context {context}");
            parts.Add(ReadFile(repoRoot, context));
        }
        if (task.Ticket is { } ticket)
        {
            sources.Insert(0, ticket);
            parts.Add(ReadFile(repoRoot, ticket));
        }
        else
        {
            sources.Insert(0, "prompt in fleet.toml");
            parts.Add(task.Prompt!);
        }
        return new TaskTicket(string.Join(" + ", sources), string.Join("\n\n---\n\n", parts.Select(p => p.TrimEnd())));
    }

    private static string ReadFile(string repoRoot, string relative)
    {
        var full = Path.GetFullPath(relative, repoRoot);
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(cannot read {relative}: {e.Message})";
        }
    }
}
