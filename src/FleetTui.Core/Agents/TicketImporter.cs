using System.Globalization;
using System.Text;
using FleetTui.Core.Config;

namespace FleetTui.Core.Agents;

/// <summary>
/// <c>fleet import DIR</c>: one <c>[[task]]</c> per <c>*.md</c> ticket, appended to fleet.toml as text (the user's
/// comments and layout stay exactly as they were). The result is validated with <see cref="ConfigLoader"/> before
/// anything is written, so fleet.toml is never left invalid; a problem is a <see cref="ConfigException"/> with file:line:col.
/// </summary>
public static class TicketImporter
{
    /// <exception cref="ConfigException">The current fleet.toml, or fleet.toml with the new tasks, is invalid.</exception>
    /// <exception cref="FormatException">A ticket's front matter is malformed (the message names file:line:col).</exception>
    public static TicketImport Plan(string repoRoot, string configPath, string ticketsDirectory)
    {
        var original = File.Exists(configPath) ? File.ReadAllText(configPath) : null;
        var existing = original is null ? [] : ConfigLoader.Parse(original, configPath).Tasks;
        var taken = existing.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var importedTickets = existing.Where(t => t.Ticket is not null)
            .ToDictionary(t => Normalize(t.Ticket!), t => t.Name, StringComparer.Ordinal);

        var added = new List<ImportedTicket>();
        var skipped = new List<string>();
        var files = Directory.EnumerateFiles(ticketsDirectory, "*.md").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var relative = Normalize(Path.GetRelativePath(repoRoot, file));
            if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                throw new FormatException($"{file}: the tickets folder must be inside the repository ({repoRoot})");
            if (importedTickets.TryGetValue(relative, out var already))
            {
                skipped.Add($"{relative}: already the ticket of task '{already}'");
                continue;
            }

            var front = TicketFrontMatter.Parse(File.ReadAllText(file), relative);
            var name = Unique(TicketTaskName.FromFileName(file), taken);
            taken.Add(name);
            var dependsOn = front.DependsOn.Select(d => TicketTaskName.FromFileName(d.EndsWith(".md", StringComparison.Ordinal) ? d : d + ".md")).ToList();
            added.Add(new ImportedTicket(name, relative, dependsOn, front.Agent, front.Ignored));
        }

        var import = new TicketImport(configPath, added, skipped, original, Render(added, Normalize(Path.GetRelativePath(repoRoot, ticketsDirectory))));
        if (added.Count > 0)
            ConfigLoader.Parse(import.NewText, configPath);
        return import;
    }

    /// <summary>Writes the new fleet.toml atomically (a temporary file renamed over it).</summary>
    public static void Apply(TicketImport import)
    {
        if (import.Added.Count == 0)
            return;
        var temporary = import.ConfigPath + ".fleet-import-tmp";
        File.WriteAllText(temporary, import.NewText);
        File.Move(temporary, import.ConfigPath, overwrite: true);
    }

    private static string Render(IReadOnlyList<ImportedTicket> tickets, string folder)
    {
        if (tickets.Count == 0)
            return "";
        var toml = new StringBuilder();
        toml.Append(CultureInfo.InvariantCulture, $"\n# Imported from {folder}/ by `fleet import`.\n");
        foreach (var ticket in tickets)
        {
            toml.Append("\n[[task]]\n");
            toml.Append(CultureInfo.InvariantCulture, $"name = {TomlText.Quote(ticket.Name)}\n");
            toml.Append(CultureInfo.InvariantCulture, $"ticket = {TomlText.Quote(ticket.Ticket)}\n");
            if (ticket.DependsOn.Count > 0)
                toml.Append(CultureInfo.InvariantCulture, $"depends_on = {TomlText.Array(ticket.DependsOn)}\n");
            if (ticket.Agent is not null)
                toml.Append(CultureInfo.InvariantCulture, $"agent = {TomlText.Quote(ticket.Agent)}\n");
        }

        return toml.ToString();
    }


    private static string Unique(string name, HashSet<string> taken)
    {
        if (!taken.Contains(name))
            return name;
        for (var i = 2; ; i++)
        {
            var candidate = $"{name}-{i}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
