namespace FleetTui.Core.Config.Validation;

/// <summary>POSIX portable environment variable names: letters, digits and '_', not starting with a digit.</summary>
public static class EnvVarName
{
    public static bool IsValid(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
