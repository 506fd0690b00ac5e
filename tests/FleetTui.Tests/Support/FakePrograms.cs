namespace FleetTui.Tests.Support;

/// <summary>
/// A temporary bin folder of executable shell scripts standing in for programs (agents, toolchains, git, loginctl), to be put
/// first on a PATH given to the code under test, never on the test process's own PATH. Deleted on disposal.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FakePrograms : IDisposable
{
    public string Bin { get; } = Directory.CreateTempSubdirectory("fleet-fake-bin-").FullName;

    /// <summary>A PATH with the fakes first, then only the system folders (so a real agent installed elsewhere is never found).</summary>
    public string Path => $"{Bin}:/usr/bin:/bin";

    /// <summary>Writes <paramref name="name"/> as an executable <c>/bin/sh</c> script with <paramref name="body"/>.</summary>
    public FakePrograms Add(string name, string body)
    {
        var path = System.IO.Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    public void Dispose() => Directory.Delete(Bin, recursive: true);
}
