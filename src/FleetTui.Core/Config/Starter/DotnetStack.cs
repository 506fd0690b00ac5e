namespace FleetTui.Core.Config.Starter;

/// <summary>
/// .NET: a solution (<c>*.sln</c>, <c>*.slnx</c>) or project (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>). <c>dotnet test</c>
/// alone works only when the folder holds exactly one of them, so anything else names the file, or writes no command at all.
/// </summary>
public static class DotnetStack
{
    private static readonly string[] Solutions = ["*.sln", "*.slnx"];
    private static readonly string[] Projects = ["*.csproj", "*.fsproj", "*.vbproj"];

    public static ProjectStack? Detect(string root)
    {
        var rootSolutions = RepositoryFiles.AtRoot(root, Solutions);
        var rootProjects = RepositoryFiles.AtRoot(root, Projects);
        if (rootSolutions.Count + rootProjects.Count == 1)
            return Stack(rootSolutions.Concat(rootProjects).Single(), target: null);
        if (rootSolutions.Count == 1)
            return Stack(rootSolutions[0], rootSolutions[0]);
        if (rootSolutions.Count + rootProjects.Count > 1)
            return Undecided(rootSolutions.Concat(rootProjects).ToList(), "several solutions or projects at the root");

        // Nothing at the root: a single solution (or else a single project) further down is still obvious.
        var solutions = RepositoryFiles.Below(root, 2, Solutions);
        var projects = solutions.Count == 0 ? RepositoryFiles.Below(root, 3, Projects) : [];
        return (solutions.Count, projects.Count) switch
        {
            (1, _) => Stack(solutions[0], solutions[0]),
            (0, 1) => Stack(projects[0], projects[0]),
            (0, 0) => null,
            _ => Undecided(solutions.Count > 0 ? solutions : projects, "several solutions or projects and none at the root"),
        };
    }

    private static ProjectStack Stack(string evidence, string? target)
    {
        var suffix = target is null ? "" : " " + CommandText.Argument(target);
        return new ProjectStack
        {
            Name = ".NET",
            Evidence = evidence,
            Setup = "dotnet restore" + suffix,
            Gate = "dotnet test" + suffix,
            Caches = new Dictionary<string, string> { ["NUGET_PACKAGES"] = SharedCache.Folder("nuget") },
            Outputs = ["bin/", "obj/"],
        };
    }

    private static ProjectStack Undecided(IReadOnlyList<string> files, string why) => new()
    {
        Name = ".NET",
        Evidence = string.Join(", ", files.Take(4)) + (files.Count > 4 ? ", …" : ""),
        Notes = [$".NET: {why}; set gate (e.g. \"dotnet test {files[0]}\") and [setup] run (\"dotnet restore {files[0]}\") yourself"],
        Outputs = ["bin/", "obj/"],
    };
}
