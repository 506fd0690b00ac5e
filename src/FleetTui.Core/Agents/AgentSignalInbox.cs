using System.Text;

namespace FleetTui.Core.Agents;

/// <summary>
/// Reads a task's signal file incrementally: each <see cref="Poll"/> returns the complete lines appended since the last
/// one (a partial last line waits for its newline). Cheap enough for the session's timer: one stat and, when the file
/// grew, one read of the new bytes. A file that shrank (deleted, truncated) is read again from the start.
/// </summary>
public sealed class AgentSignalInbox(string path)
{
    private long _offset;

    public string Path { get; } = path;

    /// <summary>Lines skipped because they were not signals (counted for diagnostics).</summary>
    public int Rejected { get; private set; }

    public static AgentSignalInbox ForTask(string commonGitDir, string task) => new(AgentSignalFiles.PathFor(commonGitDir, task));

    public IReadOnlyList<AgentObservation.Hook> Poll() => PollSignals().Select(s => s.ToObservation()).ToList();

    public IReadOnlyList<AgentSignal> PollSignals()
    {
        byte[] fresh;
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
                _offset = 0;
            if (stream.Length == _offset)
                return [];
            stream.Position = _offset;
            fresh = new byte[stream.Length - _offset];
            stream.ReadExactly(fresh);
        }
        catch (FileNotFoundException)
        {
            _offset = 0;
            return [];
        }
        catch (DirectoryNotFoundException)
        {
            _offset = 0;
            return [];
        }

        var end = Array.LastIndexOf(fresh, (byte)'\n');
        if (end < 0)
            return [];
        _offset += end + 1;
        var signals = new List<AgentSignal>();
        foreach (var line in Encoding.UTF8.GetString(fresh, 0, end).Split('\n'))
        {
            if (line.Length == 0)
                continue;
            if (AgentSignal.TryParse(line) is { } signal)
                signals.Add(signal);
            else
                Rejected++;
        }

        return signals;
    }
}
