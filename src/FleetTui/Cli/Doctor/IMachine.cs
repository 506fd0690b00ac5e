namespace FleetTui.Cli.Doctor;

/// <summary>
/// The machine as the doctor's checks see it: the environment, files and programs. <see cref="LocalMachine"/> is the real one;
/// tests give it their own variables (a PATH with fake programs, TERM, LANG) and the checks still run real processes.
/// </summary>
public interface IMachine
{
    /// <summary>Where relative lookups start (the directory fleet was run in).</summary>
    string WorkingDirectory { get; }

    string? Variable(string name);

    /// <summary>The absolute path of <paramref name="program"/> as <c>execvp</c> would find it on this machine's PATH, or null.</summary>
    string? FindProgram(string program);

    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadFile(string path);

    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Files in <paramref name="directory"/> matching <paramref name="pattern"/> (full paths, sorted); none when it does not exist.</summary>
    IReadOnlyList<string> ListFiles(string directory, string pattern);

    /// <summary>Runs <paramref name="program"/> (a path) with an argv, never a shell; killed after <paramref name="timeout"/>.</summary>
    Task<ProgramRun> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken);
}
