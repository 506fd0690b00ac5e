namespace FleetTui.Cli;

/// <summary>What every verb gets: where to write and where it runs. Tests pass their own writers and directory.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory);
