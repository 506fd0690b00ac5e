namespace FleetTui.Core.Config.Validation;

/// <summary>A repository's name appears in <c>repos = [...]</c>, <c>base.&lt;name&gt;</c>, <c>--base name=...</c> and FLEET_WORKTREE_&lt;NAME&gt;.</summary>
public static class RepoName
{
    /// <summary>The key of a task's <c>base</c> table that names this repository (the one holding fleet.toml).</summary>
    public const string ThisRepository = ".";

    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (!char.IsAsciiLetterLower(name[0]))
            return "it must start with a lowercase letter";
        if (name.FirstOrDefault(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('_' or '-')) is var bad and not '\0')
            return $"it contains '{bad}' (allowed: a-z, 0-9, '_', '-')";
        return name.Length > 40 ? "it is longer than 40 characters" : null;
    }
}
