namespace FleetTui.Core.Config.Validation;

/// <summary>
/// The rules of <c>git check-ref-format</c> for a branch name, checked here so a bad name fails at load time
/// with its position instead of halfway through creating a worktree.
/// </summary>
public static class GitRefName
{
    public static bool IsValid(string name) => Problem(name) is null;

    /// <summary>Why <paramref name="name"/> is not a valid branch name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (name == "@")
            return "it is '@'";
        if (name.StartsWith('-'))
            return "it starts with '-'";
        if (name.EndsWith('/'))
            return "it ends with '/'";
        if (name.EndsWith('.'))
            return "it ends with '.'";
        if (name.Contains("..", StringComparison.Ordinal))
            return "it contains '..'";
        if (name.Contains("//", StringComparison.Ordinal))
            return "it contains '//'";
        if (name.Contains("@{", StringComparison.Ordinal))
            return "it contains '@{'";
        foreach (var c in name)
        {
            if (c < 0x20 || c == 0x7f)
                return "it contains a control character";
            if (c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
                return $"it contains '{c}'";
        }

        foreach (var component in name.Split('/'))
        {
            if (component.StartsWith('.'))
                return $"the component '{component}' starts with '.'";
            if (component.EndsWith(".lock", StringComparison.Ordinal))
                return $"the component '{component}' ends with '.lock'";
        }

        return null;
    }
}
