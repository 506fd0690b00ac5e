namespace FleetTui.Core.Config.Validation;

/// <summary>Paths like <c>copy</c>, <c>link</c>, <c>ticket</c> and <c>context</c> must stay inside the repository.</summary>
public static class RelativePath
{
    /// <summary>Why <paramref name="path"/> is not a path inside the repository, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
            return "it is empty";
        if (path.StartsWith('/') || path.StartsWith('~') || Path.IsPathRooted(path))
            return "it is absolute (write it relative to the repository root)";
        if (path.Split('/', '\\').Any(part => part == ".."))
            return "it leaves the repository with '..'";
        return null;
    }
}
