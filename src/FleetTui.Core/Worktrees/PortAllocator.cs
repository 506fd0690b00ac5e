using FleetTui.Core.Config;

namespace FleetTui.Core.Worktrees;

/// <summary>
/// Gives a task its named ports from the configured range: unique across the whole fleet (every port any task holds, as
/// persisted in the session state), free on the machine at the moment of allocation, and stable (a name that already has a port
/// keeps it). Releasing is dropping the task's ports from the state. Pure over its inputs, so the session decides when to persist.
/// </summary>
public sealed class PortAllocator
{
    private readonly PortRange _range;
    private readonly IPortProbe _probe;

    public PortAllocator(PortRange range, IPortProbe? probe = null)
    {
        if (range.First < 1 || range.Last > 65535 || range.First > range.Last)
            throw new ArgumentOutOfRangeException(nameof(range), $"Port range {range.First}-{range.Last} is not within 1-65535.");
        _range = range;
        _probe = probe ?? LoopbackPortProbe.Instance;
    }

    /// <summary>
    /// Ports for <paramref name="names"/>: the ones in <paramref name="current"/> are kept, the others get the lowest port of the range
    /// that no task in <paramref name="takenByFleet"/> holds and the machine has free.
    /// </summary>
    /// <exception cref="PortExhaustedException">The range has no free port left.</exception>
    public IReadOnlyDictionary<string, int> Allocate(
        IReadOnlyList<string> names, IReadOnlyDictionary<string, int> current, IEnumerable<int> takenByFleet)
    {
        var taken = new HashSet<int>(takenByFleet);
        taken.UnionWith(current.Values);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = _range.First;
        foreach (var name in names)
        {
            if (current.TryGetValue(name, out var kept))
            {
                result[name] = kept;
                continue;
            }

            while (next <= _range.Last && (taken.Contains(next) || !_probe.IsFree(next)))
                next++;
            if (next > _range.Last)
                throw new PortExhaustedException($"No free port left in {_range.First}-{_range.Last} for '{name}' ([fleet] ports).");
            result[name] = next;
            taken.Add(next);
            next++;
        }

        return result;
    }
}
