namespace FleetTui.Host.Agents;

/// <summary>A task's ticket for the ticket view: where it came from (<c>tickets/03.md + context docs/solution.md</c>) and the text.</summary>
public sealed record TaskTicket(string Source, string Text);
