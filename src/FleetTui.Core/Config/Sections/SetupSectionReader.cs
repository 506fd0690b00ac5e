using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>Reads <c>[setup]</c>, and <c>[repos.&lt;name&gt;.setup]</c> with the keys <paramref name="keys"/> allows.</summary>
public static class SetupSectionReader
{
    public static SetupConfig Read(TableReader setup, IReadOnlyList<string>? keys = null)
    {
        setup.RejectUnknownKeys(keys ?? ConfigSchema.SetupKeys);
        var defaults = new SetupConfig();
        return new SetupConfig
        {
            Run = setup.NonEmptyString("run"),
            Timeout = setup.Duration("timeout") ?? defaults.Timeout,
            Copy = ReadPaths(setup, "copy") ?? defaults.Copy,
            Link = ReadPaths(setup, "link") ?? defaults.Link,
            Caches = setup.EnvTable("caches") ?? defaults.Caches,
            Database = setup.NonEmptyString("database"),
        };
    }

    private static IReadOnlyList<string>? ReadPaths(TableReader setup, string key)
    {
        if (setup.StringArrayNodes(key) is not { } paths)
            return null;
        foreach (var path in paths)
        {
            if (RelativePath.Problem(path.Value) is { } problem)
                throw setup.Error(path.Position, $"'{key}' in {setup.Label} must list paths inside the repository, but {problem}: '{path.Value}'");
        }

        return paths.Select(p => p.Value).ToList();
    }
}
