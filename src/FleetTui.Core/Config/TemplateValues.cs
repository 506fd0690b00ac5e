using System.Globalization;
using FleetTui.Core.Config.Templates;

namespace FleetTui.Core.Config;

/// <summary>The values a task's templates expand to, and the environment variables that carry them to user commands.</summary>
public sealed record TemplateValues
{
    public required string Task { get; init; }

    public required string Branch { get; init; }

    /// <summary>Absolute path of the task's worktree.</summary>
    public required string Worktree { get; init; }

    /// <summary>Absolute path of the repository's main checkout.</summary>
    public required string Repo { get; init; }

    /// <summary>The expanded <c>[setup] database</c>, or null when none is configured.</summary>
    public string? Db { get; init; }

    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>The task's worktree in each other repository it spans (<c>[repos.&lt;name&gt;]</c> name → absolute path).</summary>
    public IReadOnlyDictionary<string, string> RepoWorktrees { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>shared_env</c> of every repository the task does not span (the main stack's URLs), as written.</summary>
    public IReadOnlyDictionary<string, string> SharedEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// FLEET_TASK, FLEET_BRANCH, FLEET_WORKTREE, FLEET_REPO, FLEET_DB (when set), FLEET_PORT_&lt;NAME&gt; (uppercased, '-' and '.' → '_')
    /// and FLEET_WORKTREE_&lt;REPO&gt; per other repository spanned, over the <c>shared_env</c> of those not spanned: how our values
    /// reach a command the user wrote, without any quoting.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToEnvironment()
    {
        var environment = new Dictionary<string, string>(SharedEnv, StringComparer.Ordinal)
        {
            ["FLEET_TASK"] = Task,
            ["FLEET_BRANCH"] = Branch,
            ["FLEET_WORKTREE"] = Worktree,
            ["FLEET_REPO"] = Repo,
        };
        foreach (var (repo, path) in RepoWorktrees)
            environment[RepoConfig.WorktreeVariable(repo)] = path;
        if (Db is not null)
            environment["FLEET_DB"] = Db;
        foreach (var (name, port) in Ports)
            environment[PortVariable(name)] = port.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    /// <summary>The environment variable carrying a template variable (<c>branch</c> → FLEET_BRANCH, <c>port.web</c> → FLEET_PORT_WEB).</summary>
    public static string VariableFor(string templateName) =>
        templateName.StartsWith(TemplateSyntax.PortPrefix, StringComparison.Ordinal)
            ? PortVariable(templateName[TemplateSyntax.PortPrefix.Length..])
            : "FLEET_" + templateName.ToUpperInvariant();

    public static string PortVariable(string portName) =>
        "FLEET_PORT_" + portName.ToUpperInvariant().Replace('-', '_').Replace('.', '_');

    /// <summary>The value of a variable by its template name (<c>task</c>, <c>port.web</c>).</summary>
    /// <exception cref="InvalidOperationException">The variable has no value for this task.</exception>
    public string ValueOf(string name)
    {
        if (name.StartsWith(TemplateSyntax.PortPrefix, StringComparison.Ordinal))
        {
            var port = name[TemplateSyntax.PortPrefix.Length..];
            return Ports.TryGetValue(port, out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"task '{Task}' has no port '{port}'");
        }

        return name switch
        {
            "task" => Task,
            "branch" => Branch,
            "worktree" => Worktree,
            "repo" => Repo,
            "db" => Db ?? throw new InvalidOperationException("{db} is used but [setup] has no 'database'"),
            _ => throw new InvalidOperationException($"unknown template variable '{{{name}}}'"),
        };
    }
}
