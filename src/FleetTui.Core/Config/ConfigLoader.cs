namespace FleetTui.Core.Config;

/// <summary>Reads and strictly validates fleet.toml. (Implementation: issue "fleet engine", config part.)</summary>
public static class ConfigLoader
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="displayName"/> prefixes every error (usually "fleet.toml").</summary>
    public static FleetConfig Parse(string text, string sourcePath, string displayName = "fleet.toml") =>
        throw new NotImplementedException();

    public static FleetConfig Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetFullPath(path), Path.GetFileName(path));
}
