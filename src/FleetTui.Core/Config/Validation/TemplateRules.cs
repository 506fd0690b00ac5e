using FleetTui.Core.Config.Templates;

namespace FleetTui.Core.Config.Validation;

/// <summary>Which template variables a key may use; most keys take them all, a few are computed before some values exist.</summary>
public sealed record TemplateRules(IReadOnlyList<string> Allowed, bool AllowsPorts)
{
    public static readonly TemplateRules Everything = new(TemplateSyntax.PlainVariables, AllowsPorts: true);

    /// <summary><c>worktrees</c>: computed before the worktree, database and ports exist.</summary>
    public static readonly TemplateRules WorktreePath = new(["repo", "task", "branch"], AllowsPorts: false);

    /// <summary><c>database</c>: becomes <c>{db}</c> itself.</summary>
    public static readonly TemplateRules DatabaseName = new(["repo", "task", "branch"], AllowsPorts: false);

    public string AllowedList => string.Join(", ", Allowed.Select(v => $"{{{v}}}")) + (AllowsPorts ? ", {port.<name>}" : "");
}
