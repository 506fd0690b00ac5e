namespace FleetTui.Host.Remote;

/// <summary>
/// ssh joins the remote command's words with spaces and the remote user's shell splits them again, so each word we
/// send is single-quoted (a quote inside becomes <c>'\''</c>). A leading <c>~/</c> stays outside the quotes so the
/// remote shell expands it to that user's home, as the user wrote it in fleet.toml.
/// </summary>
public static class RemoteShellWord
{
    public static string Quote(string word)
    {
        if (word.StartsWith("~/", StringComparison.Ordinal))
            return "~/" + Quoted(word[2..]);
        return word == "~" ? "~" : Quoted(word);
    }

    private static string Quoted(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
