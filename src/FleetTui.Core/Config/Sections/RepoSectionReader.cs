using FleetTui.Core.Config.Toml;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Config.Sections;

/// <summary>
/// Reads <c>[repos.&lt;name&gt;]</c>: each another repository a task may span. What only the disk can tell (the path is a
/// repository's root, its base exists) is checked by <see cref="ConfigRepositoryCheck"/> when a session opens.
/// </summary>
public static class RepoSectionReader
{
    public static IReadOnlyList<RepoConfig> ReadAll(TableReader top)
    {
        if (top.SubTable("repos") is not { } table)
            return [];
        var repos = new List<RepoConfig>();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table.Entries)
        {
            if (entry.Value is not TomlTableNode repoTable)
                throw top.Error(entry.Value.Position, $"'repos.{entry.Key}' must be a table (write [repos.{entry.Key}] with path = \"../{entry.Key}\"), not {entry.Value.Description}");
            if (RepoName.Problem(entry.Key) is { } problem)
                throw top.Error(entry.KeyPosition, $"invalid repository name '{entry.Key}': {problem}");
            // "api-v1" and "api_v1" would both be FLEET_WORKTREE_API_V1.
            var variable = RepoConfig.WorktreeVariable(entry.Key);
            if (variables.TryGetValue(variable, out var earlier))
                throw top.Error(entry.KeyPosition, $"repository names '{earlier}' and '{entry.Key}' both become {variable}");
            variables[variable] = entry.Key;
            repos.Add(Read(new TableReader(repoTable, $"[repos.{entry.Key}]", top.DisplayName), entry.Key));
        }

        return repos;
    }

    private static RepoConfig Read(TableReader repo, string name)
    {
        repo.RejectUnknownKeys(ConfigSchema.RepoKeys);
        var path = repo.NonEmptyString("path")
            ?? throw repo.Error(repo.Table.Position, $"[repos.{name}] needs 'path' (the repository's root, relative to this repository's root, e.g. \"../{name}\")");
        var pathNode = repo.Entry("path")!.Value;
        if (path.StartsWith('~'))
            throw repo.Error(pathNode.Position, $"'path' in [repos.{name}] must be relative to this repository's root or absolute, not start with '~': '{path}'");
        var setup = repo.SubTable("setup") is { } setupTable
            ? SetupSectionReader.Read(new TableReader(setupTable, $"[repos.{name}.setup]", repo.DisplayName), ConfigSchema.RepoSetupKeys)
            : new SetupConfig();
        return new RepoConfig
        {
            Name = name,
            Path = path,
            PathPosition = pathNode.Position,
            Base = ReadBase(repo, name),
            BasePosition = repo.Entry("base")?.Value.Position,
            SharedEnv = repo.EnvTable("shared_env") ?? new Dictionary<string, string>(),
            Setup = setup,
            Position = repo.Table.Position,
        };
    }

    private static string? ReadBase(TableReader repo, string name)
    {
        if (repo.StringNode("base") is not { } node)
            return null;
        return GitRefName.Problem(node.Value) is { } problem
            ? throw repo.Error(node.Position, $"invalid branch name '{node.Value}' for 'base' in [repos.{name}]: {problem}")
            : node.Value;
    }
}
