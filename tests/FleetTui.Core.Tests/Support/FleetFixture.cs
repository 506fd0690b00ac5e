using FleetTui.Core.Config;
using FleetTui.Core.Session;

namespace FleetTui.Core.Tests.Support;

/// <summary>Builds FleetConfig records and sessions over a <see cref="TempRepo"/>.</summary>
public static class FleetFixture
{
    public static FleetConfig FleetOf(TempRepo repo, params TaskConfig[] tasks) => new()
    {
        SourcePath = Path.Combine(repo.Path, "fleet.toml"),
        Fleet = new FleetSettings { Base = "main" },
        Tasks = tasks,
    };

    public static TaskConfig Declared(string name, params string[] dependsOn) => new()
    {
        Name = name,
        Branch = $"fleet/{name}",
        DependsOn = dependsOn,
    };

    public static Task<FleetSession> OpenAsync(TempRepo repo, FleetConfig config) =>
        FleetSession.OpenAsync(new FleetSessionOptions
        {
            RepositoryDirectory = repo.Path,
            Config = config,
            Git = repo.Git,
            ExtraSetupEnvironment = repo.Git.Environment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
        });
}
