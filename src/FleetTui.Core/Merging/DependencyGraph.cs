using FleetTui.Core.Config;

namespace FleetTui.Core.Merging;

/// <summary>
/// The order tasks must merge in. An edge "a needs b" comes from <c>depends_on = ["b"]</c> in task a, or from
/// <c>base = "b"</c> when b is another task (a stacked task merges after the task it stacks on).
/// Every answer is deterministic: ties keep file order, so the merge-order panel does not reshuffle between refreshes.
/// </summary>
public sealed class DependencyGraph
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _indexByName;
    private readonly int[][] _prerequisites;
    private readonly int[][] _dependents;

    /// <summary>Builds the graph; every prerequisite must be one of the nodes (the config loader reports unknown ones first).</summary>
    public DependencyGraph(IEnumerable<DependencyNode> nodes)
    {
        var list = nodes.ToList();
        _names = list.Select(n => n.Name).ToArray();
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            if (!_indexByName.TryAdd(_names[i], i))
                throw new ArgumentException($"task '{_names[i]}' appears twice in the dependency graph", nameof(nodes));
        }

        _prerequisites = list.Select(n => n.Prerequisites.Select(p => IndexOfPrerequisite(n.Name, p)).Distinct().ToArray()).ToArray();
        var dependents = _names.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < _names.Length; i++)
        {
            foreach (var p in _prerequisites[i])
                dependents[p].Add(i);
        }

        _dependents = dependents.Select(d => d.ToArray()).ToArray();
    }

    /// <summary>The graph of a fleet's tasks: <c>depends_on</c> plus a <c>base</c> that names another task.</summary>
    public static DependencyGraph FromTasks(IEnumerable<TaskConfig> tasks)
    {
        var list = tasks.ToList();
        var names = list.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new DependencyGraph(list.Select(t => new DependencyNode(t.Name, PrerequisitesOf(t, names))));
    }

    /// <summary>Task names in file order.</summary>
    public IReadOnlyList<string> Names => _names;

    public bool Contains(string name) => _indexByName.ContainsKey(name);

    /// <summary>The tasks <paramref name="name"/> waits for directly, in declaration order.</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => NamesOf(_prerequisites[IndexOf(name)]);

    /// <summary>The tasks that wait directly for <paramref name="name"/>, in file order.</summary>
    public IReadOnlyList<string> DependentsOf(string name) => NamesOf(_dependents[IndexOf(name)]);

    /// <summary>Everything <paramref name="name"/> waits for, directly or not, in merge order.</summary>
    public IReadOnlyList<string> TransitiveDependenciesOf(string name) => InMergeOrder(Reachable(IndexOf(name), _prerequisites));

    /// <summary>Everything that waits for <paramref name="name"/>, directly or not, in merge order.</summary>
    public IReadOnlyList<string> TransitiveDependentsOf(string name) => InMergeOrder(Reachable(IndexOf(name), _dependents));

    /// <summary>
    /// A cycle as the path that closes it, e.g. <c>[a, b, c, a]</c> for "a needs b needs c needs a"
    /// (<c>[a, a]</c> for a task that needs itself), or null when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var color = new byte[_names.Length]; // 0 unseen, 1 on the current path, 2 done
        var path = new List<int>();
        for (var start = 0; start < _names.Length; start++)
        {
            if (color[start] == 0 && FindCycleFrom(start, color, path) is { } cycle)
                return cycle;
        }

        return null;
    }

    /// <summary>All tasks, each after everything it waits for; among tasks free to go, file order wins.</summary>
    /// <exception cref="InvalidOperationException">The graph has a cycle (named in the message).</exception>
    public IReadOnlyList<string> TopologicalOrder() => NamesOf(TopologicalIndices());

    private int[] TopologicalIndices()
    {
        var waitingFor = _prerequisites.Select(p => p.Length).ToArray();
        var ready = new SortedSet<int>(Enumerable.Range(0, _names.Length).Where(i => waitingFor[i] == 0));
        var order = new List<int>(_names.Length);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in _dependents[next])
            {
                if (--waitingFor[dependent] == 0)
                    ready.Add(dependent);
            }
        }

        if (order.Count < _names.Length)
            throw new InvalidOperationException($"dependency cycle: {string.Join(" -> ", FindCycle()!)}");
        return order.ToArray();
    }

    private List<string>? FindCycleFrom(int node, byte[] color, List<int> path)
    {
        color[node] = 1;
        path.Add(node);
        foreach (var next in _prerequisites[node])
        {
            if (color[next] == 1)
            {
                var cycle = path.Skip(path.IndexOf(next)).Append(next);
                return cycle.Select(i => _names[i]).ToList();
            }

            if (color[next] == 0 && FindCycleFrom(next, color, path) is { } found)
                return found;
        }

        path.RemoveAt(path.Count - 1);
        color[node] = 2;
        return null;
    }

    private HashSet<int> Reachable(int start, int[][] edges)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(edges[start]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node != start && seen.Add(node))
            {
                foreach (var next in edges[node])
                    stack.Push(next);
            }
        }

        return seen;
    }

    private List<string> InMergeOrder(HashSet<int> subset)
    {
        // With a cycle there is no merge order; fall back to file order so callers still get every task.
        var order = FindCycle() is null ? TopologicalIndices() : Enumerable.Range(0, _names.Length).ToArray();
        return order.Where(subset.Contains).Select(i => _names[i]).ToList();
    }

    private static IReadOnlyList<string> PrerequisitesOf(TaskConfig task, HashSet<string> taskNames)
    {
        var prerequisites = task.DependsOn.ToList();
        if (task.Base is { } @base && taskNames.Contains(@base) && !prerequisites.Contains(@base))
            prerequisites.Add(@base);
        return prerequisites;
    }

    private int IndexOfPrerequisite(string task, string prerequisite) =>
        _indexByName.TryGetValue(prerequisite, out var index)
            ? index
            : throw new ArgumentException($"task '{task}' depends on unknown task '{prerequisite}'");

    private int IndexOf(string name) =>
        _indexByName.TryGetValue(name, out var index) ? index : throw new KeyNotFoundException($"no task named '{name}'");

    private string[] NamesOf(IEnumerable<int> indices) => indices.Select(i => _names[i]).ToArray();
}
