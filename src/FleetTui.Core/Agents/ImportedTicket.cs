namespace FleetTui.Core.Agents;

/// <summary>One task <see cref="TicketImporter"/> will add: its name, its ticket (relative to the repo root, '/'-separated) and front matter.</summary>
public sealed record ImportedTicket(string Name, string Ticket, IReadOnlyList<string> DependsOn, string? Agent, IReadOnlyList<string> IgnoredKeys);
