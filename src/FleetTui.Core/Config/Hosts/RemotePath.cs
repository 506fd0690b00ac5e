namespace FleetTui.Core.Config.Hosts;

/// <summary>A path on a remote host (its clone, its fleet): quoted for the remote shell, so only what could be misread is refused.</summary>
public static class RemotePath
{
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "it is empty";
        if (path.StartsWith('-'))
            return "it starts with '-' (it would read as an option)";
        if (path.Any(char.IsControl))
            return "it contains a control character";
        return null;
    }
}
