namespace FleetTui.Core.Tests.Config.Starter;

/// <summary>A temporary folder standing for a repository root, with files written into it; deleted on disposal.</summary>
public sealed class StarterFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("fleet-starter-").FullName;

    public StarterFolder With(string relativePath, string content = "")
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
