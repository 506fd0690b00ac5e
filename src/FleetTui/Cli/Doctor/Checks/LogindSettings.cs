namespace FleetTui.Cli.Doctor.Checks;

/// <summary>
/// <c>KillUserProcesses=</c> as systemd-logind reads it: the main logind.conf, then the <c>logind.conf.d/*.conf</c> drop-ins sorted by
/// file name (a later one wins; a file in /etc replaces one of the same name in /run or /usr/lib). The main file ships with the
/// built-in defaults commented out, so a commented <c>#KillUserProcesses=no</c> tells the default when nothing sets it.
/// </summary>
public sealed record LogindSettings(bool? KillUserProcesses, string? Source)
{
    private static readonly string[] MainFiles = ["etc/systemd/logind.conf", "run/systemd/logind.conf", "usr/local/lib/systemd/logind.conf", "usr/lib/systemd/logind.conf"];

    /// <summary>Lowest precedence first: for drop-ins of the same name, the last folder wins.</summary>
    private static readonly string[] DropInFolders = ["usr/lib/systemd/logind.conf.d", "usr/local/lib/systemd/logind.conf.d", "run/systemd/logind.conf.d", "etc/systemd/logind.conf.d"];

    /// <param name="root">The file system root ("/"; tests use a folder of their own).</param>
    public static LogindSettings Read(IMachine machine, string root)
    {
        bool? kill = null;
        string? source = null;
        var main = MainFiles.Select(f => Path.Combine(root, f)).FirstOrDefault(machine.FileExists);
        if (main is not null && machine.ReadFile(main) is { } mainText)
        {
            if (Value(mainText, commented: false) is { } set)
                (kill, source) = (set, Shown(main, root));
            else if (Value(mainText, commented: true) is { } builtIn)
                (kill, source) = (builtIn, $"the built-in default, as {Shown(main, root)} shows it");
        }

        var dropIns = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in DropInFolders)
        {
            foreach (var file in machine.ListFiles(Path.Combine(root, folder), "*.conf"))
                dropIns[Path.GetFileName(file)] = file;
        }

        foreach (var file in dropIns.Values)
        {
            if (machine.ReadFile(file) is { } text && Value(text, commented: false) is { } set)
                (kill, source) = (set, Shown(file, root));
        }

        return new LogindSettings(kill, source);
    }

    /// <summary>The last <c>KillUserProcesses=</c> of the [Login] section (or of its commented-out lines).</summary>
    private static bool? Value(string text, bool commented)
    {
        bool? value = null;
        var inLogin = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inLogin = line == "[Login]";
                continue;
            }

            if (commented)
            {
                if (!line.StartsWith('#'))
                    continue;
                line = line.TrimStart('#').Trim();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inLogin || equals < 0 || line[..equals].Trim() != "KillUserProcesses")
                continue;
            value = line[(equals + 1)..].Trim().ToLowerInvariant() switch
            {
                "yes" or "true" or "on" or "1" => true,
                "no" or "false" or "off" or "0" => false,
                _ => value,
            };
        }

        return value;
    }

    private static string Shown(string path, string root) => "/" + Path.GetRelativePath(root, path);
}
