namespace FleetTui.Core.Config.Starter;

/// <summary>Go: <c>go.mod</c>. Modules download in setup; <c>go test ./...</c> is every package's tests.</summary>
public static class GoStack
{
    public static ProjectStack? Detect(string root) => RepositoryFiles.Exists(root, "go.mod")
        ? new ProjectStack
        {
            Name = "Go",
            Evidence = "go.mod",
            Setup = "go mod download",
            Gate = "go test ./...",
            Caches = new Dictionary<string, string> { ["GOMODCACHE"] = SharedCache.Folder("go-mod") },
        }
        : null;
}
