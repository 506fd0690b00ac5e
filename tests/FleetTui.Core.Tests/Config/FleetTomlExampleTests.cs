using FleetTui.Core.Config;
using FleetTui.Core.Config.Toml;
using FleetTui.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Config;

/// <summary>fleet.toml.example at the repository root loads, and documents every key the loader accepts.</summary>
public class FleetTomlExampleTests
{
    private static string ExamplePath() => Path.Combine(RepositoryRoot.Path, "fleet.toml.example");

    [Fact]
    public void The_example_loads()
    {
        var config = ConfigLoader.Load(ExamplePath());

        config.Tasks.Count.ShouldBeGreaterThan(1);
        config.Agents.ContainsKey("reviewer").ShouldBeTrue();
    }

    [Fact]
    public void The_example_documents_every_key_the_loader_accepts()
    {
        var root = TomlDocumentReader.Read(File.ReadAllText(ExamplePath()), "fleet.toml.example");
        var missing = new List<string>();

        foreach (var (table, keys) in ConfigSchema.KeysByTable)
        {
            var written = KeysWrittenIn(root, table);
            missing.AddRange(keys.Where(k => !written.Contains(k)).Select(k => table.Length == 0 ? k : $"{table}.{k}"));
        }

        missing.ShouldBeEmpty();
    }

    /// <summary>The keys written in every table a schema path ("fleet.ports", "task", "agents.*") covers.</summary>
    private static HashSet<string> KeysWrittenIn(TomlTableNode root, string schemaPath)
    {
        IEnumerable<TomlTableNode> tables = [root];
        foreach (var part in schemaPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            tables = tables.SelectMany(t => part == "*"
                ? t.Entries.Select(e => e.Value)
                : t.Entries.Where(e => e.Key == part).Select(e => e.Value))
                .SelectMany(v => v is TomlArrayNode { IsArrayOfTables: true } array ? array.Items : [v])
                .OfType<TomlTableNode>()
                .ToList();
        }

        return tables.SelectMany(t => t.Entries.Select(e => e.Key)).ToHashSet();
    }
}
