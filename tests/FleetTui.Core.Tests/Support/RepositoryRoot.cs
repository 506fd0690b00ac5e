namespace FleetTui.Core.Tests.Support;

/// <summary>The FleetTui checkout the tests run from: the nearest folder above the test binaries that holds FleetTui.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "FleetTui.sln")))
                return folder.FullName;
        }

        throw new FileNotFoundException("FleetTui.sln not found above " + AppContext.BaseDirectory);
    }
}
