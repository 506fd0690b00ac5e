using FleetTui.Core.Config.Sections;
using FleetTui.Core.Config.Toml;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config;

/// <summary>
/// Reads and strictly validates fleet.toml: every error is a <see cref="ConfigException"/> reading
/// <c>fleet.toml:LINE:COL: message</c>. Loading only reads; nothing on disk is touched.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="displayName"/> prefixes every error (usually "fleet.toml").</summary>
    public static FleetConfig Parse(string text, string sourcePath, string displayName = "fleet.toml")
    {
        var top = new TableReader(TomlDocumentReader.Read(text, displayName), "the top level", displayName);
        top.RejectUnknownKeys(ConfigSchema.TopLevelKeys);

        var fleetTable = top.SubTable("fleet") is { } f ? new TableReader(f, "[fleet]", displayName) : null;
        var setupTable = top.SubTable("setup") is { } s ? new TableReader(s, "[setup]", displayName) : null;
        var fleet = fleetTable is null ? new FleetSettings() : FleetSectionReader.Read(fleetTable);
        var setup = setupTable is null ? new SetupConfig() : SetupSectionReader.Read(setupTable);
        var agents = AgentSectionReader.ReadAll(top);
        var hosts = HostSectionReader.ReadAll(top);
        var repos = RepoSectionReader.ReadAll(top);
        var services = ServiceSectionReader.ReadAll(top, repos);
        var tasks = TaskTables(top).Select(t => (Task: TaskSectionReader.Read(t), Source: t)).ToList();

        TaskListValidator.Validate(tasks, agents, fleetTable, repos);
        TaskHostValidator.Validate(tasks, hosts);
        ServiceSectionReader.CheckPorts(services, tasks);
        var config = new FleetConfig
        {
            SourcePath = sourcePath,
            Fleet = fleet,
            Setup = setup,
            Tasks = tasks.Select(t => t.Task).ToList(),
            Agents = agents,
            Hosts = hosts,
            Repos = repos,
            Services = services,
        };
        new TemplateValidator(top, fleetTable, setupTable, config, tasks).Validate();
        // fleet.toml lives at the repository root, so its folder is the root the paths are checked against.
        new ConfigPathValidator(Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? "/", fleet, fleetTable, setupTable).Validate();
        return config;
    }

    public static FleetConfig Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetFullPath(path), Path.GetFileName(path));

    private static IEnumerable<TableReader> TaskTables(TableReader top)
    {
        switch (top.Entry("task"))
        {
            case null:
                yield break;
            case { Value: TomlArrayNode { IsArrayOfTables: true } array }:
                foreach (var table in array.Items.Cast<TomlTableNode>())
                    yield return new TableReader(table, "[[task]]", top.DisplayName);
                break;
            case var entry:
                throw top.Error(entry.Value.Position, $"'task' must be an array of tables (write each task as [[task]]), not {entry.Value.Description}");
        }
    }
}
