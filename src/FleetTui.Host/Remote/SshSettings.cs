using FleetTui.Host.Server;

namespace FleetTui.Host.Remote;

/// <summary>
/// How fleet runs ssh: one shared connection per destination (ControlMaster, its sockets in a 0700 folder of ours,
/// kept <see cref="PersistSeconds"/> after the last use), never prompting (BatchMode: there is no terminal to ask on),
/// and an optional ssh config file in place of ~/.ssh/config.
/// </summary>
public sealed record SshSettings(string ControlFolder, string? ConfigFile)
{
    /// <summary>An ssh config file to use instead of ~/.ssh/config (<c>ssh -F</c>): tests, or a fleet-only set of aliases.</summary>
    public const string ConfigVariable = "FLEET_SSH_CONFIG";

    public const int PersistSeconds = 60;

    public const int ConnectTimeoutSeconds = 15;

    /// <summary>The settings of this process: control sockets beside the host sockets (<see cref="HostPaths.DefaultFolder"/>/ssh).</summary>
    public static SshSettings FromEnvironment(Func<string, string?> variable) =>
        new(Path.Combine(variable(HostPaths.FolderVariable) is { Length: > 0 } hosts ? hosts : HostPaths.DefaultFolder(), "ssh"),
            variable(ConfigVariable) is { Length: > 0 } file ? file : null);

    /// <summary>Creates the control folder 0700 (ssh refuses nothing here, but another user must not reach our connections).</summary>
    public void EnsureControlFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(ControlFolder);
            return;
        }
        var parent = Path.GetDirectoryName(ControlFolder)!;
        Directory.CreateDirectory(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(ControlFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(ControlFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The options every ssh of ours gets, before the destination.</summary>
    public IReadOnlyList<string> Options()
    {
        List<string> options = [];
        if (ConfigFile is not null)
            options.AddRange(["-F", ConfigFile]);
        options.AddRange([
            "-o", "BatchMode=yes",
            "-o", $"ConnectTimeout={ConnectTimeoutSeconds}",
            "-o", "ControlMaster=auto",
            // %C: a hash of the connection's parameters, short enough for a Unix socket path.
            "-o", $"ControlPath={Path.Combine(ControlFolder, "%C")}",
            "-o", $"ControlPersist={PersistSeconds}",
        ]);
        return options;
    }

    /// <summary>
    /// For git over SSH: git runs GIT_SSH_COMMAND through <c>sh -c</c>, so our values reach it as variables that
    /// command names, never spliced into it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> GitEnvironment()
    {
        var command = "ssh" + (ConfigFile is null ? "" : " -F \"$FLEET_SSH_CONFIG\"")
            + $" -o BatchMode=yes -o ConnectTimeout={ConnectTimeoutSeconds} -o ControlMaster=auto"
            + " -o \"ControlPath=$FLEET_SSH_CONTROL_FOLDER/%C\"" + $" -o ControlPersist={PersistSeconds}";
        return new Dictionary<string, string?>
        {
            ["GIT_SSH_COMMAND"] = command,
            ["FLEET_SSH_CONTROL_FOLDER"] = ControlFolder,
            [ConfigVariable] = ConfigFile,
        };
    }
}
