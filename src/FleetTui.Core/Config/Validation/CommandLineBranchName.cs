namespace FleetTui.Core.Config.Validation;

/// <summary>
/// A branch name typed on the command line (<c>fleet new --branch</c>): a valid git ref name (<see cref="GitRefName"/>) that also
/// avoids what git allows but shells and paths treat specially (<c>$</c>, backquotes, quotes, spaces, <c>;|&amp;&lt;&gt;()!#*</c>…).
/// Such a name is never run, but it ends up in paths, logs and users' own scripts; fleet.toml may still name any valid ref.
/// </summary>
public static class CommandLineBranchName
{
    public static string? Problem(string name)
    {
        if (GitRefName.Problem(name) is { } problem)
            return problem;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.' or '/' or '+'))
                return $"it contains '{c}', which git allows but shells and paths treat specially (use letters, digits and - _ . / +)";
        }

        return null;
    }
}
