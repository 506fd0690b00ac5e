namespace FleetTui.Core.Config.Validation;

/// <summary>A task's name becomes a folder, a branch and a database name, so it is kept to a portable alphabet.</summary>
public static class TaskName
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="name"/> is not a valid task name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (name.Length > MaxLength)
            return $"it is longer than {MaxLength} characters";
        if (!char.IsAsciiLetterLower(name[0]) && !char.IsAsciiDigit(name[0]))
            return "it must start with a lowercase letter or a digit";
        if (name.FirstOrDefault(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('.' or '_' or '-')) is var bad and not '\0')
            return $"it contains '{bad}' (allowed: a-z, 0-9, '.', '_', '-')";
        if (name.Contains("..", StringComparison.Ordinal))
            return "it contains '..'";
        if (name.EndsWith(".lock", StringComparison.Ordinal) || name.EndsWith('.'))
            return "it ends with '.' or '.lock'";
        return null;
    }
}
