namespace FleetTui.Core.Merging;

/// <summary>
/// The paths one side of a merge changed (old and new names), and every folder above them.
/// Two sides can only conflict where they touch the same path, or where one's file is the other's folder.
/// </summary>
internal sealed class TouchedPaths
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

    public TouchedPaths(IEnumerable<string?> paths)
    {
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path) || !_paths.Add(path))
                continue;
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!_folders.Add(path[..slash]))
                    break;
            }
        }
    }

    public int Count => _paths.Count;

    public bool Overlaps(TouchedPaths other)
    {
        var (small, large) = Count <= other.Count ? (this, other) : (other, this);
        foreach (var path in small._paths)
        {
            if (large._paths.Contains(path) || large._folders.Contains(path))
                return true;
        }
        foreach (var path in large._paths)
        {
            if (small._folders.Contains(path))
                return true;
        }
        return false;
    }
}
