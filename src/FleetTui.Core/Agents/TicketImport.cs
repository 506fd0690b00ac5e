namespace FleetTui.Core.Agents;

/// <summary>What <see cref="TicketImporter.Plan"/> decided: the tasks to add, the tickets skipped (and why), and fleet.toml before and after.</summary>
public sealed record TicketImport(
    string ConfigPath,
    IReadOnlyList<ImportedTicket> Added,
    IReadOnlyList<string> Skipped,
    string? OriginalText,
    string AppendedText)
{
    public string NewText => (OriginalText is null or "" ? "" : OriginalText.EndsWith('\n') ? OriginalText : OriginalText + "\n") + AppendedText;
}
