namespace FleetTui.Core.Config.Starter;

/// <summary>The package managers a Node repository can be driven by (yarn 1 and yarn 2+ differ in flags and caches).</summary>
public enum NodePackageManager
{
    Npm,
    Pnpm,
    YarnClassic,
    YarnBerry,
    Bun,
}
