using System.Text.Json;
using System.Text.Json.Serialization;
using FleetTui.Host.Server;

namespace FleetTui.Host.Agents;

/// <summary>
/// The agents a host launched, by task, in <c>fleet/agents.json</c> (0600) under the common git dir: written at every
/// launch, so when a host dies (SIGKILL, a crash, a reboot) the next one can tell which agent processes the dead one left
/// running, stop them before starting a task's agent again (never two in one worktree), and continue each task's session
/// instead of starting it from scratch. Only a host writes it, under its host lock; writes are atomic (temp + rename).
/// </summary>
public sealed class AgentRecords
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private Dictionary<string, AgentRecord> _records;

    private AgentRecords(string path, Dictionary<string, AgentRecord> records)
    {
        _path = path;
        _records = records;
    }

    public static string PathIn(string fleetDir) => Path.Combine(fleetDir, "agents.json");

    /// <summary>The records in <paramref name="fleetDir"/>; none when the file is missing or unreadable (nothing to recover then).</summary>
    public static AgentRecords Load(string fleetDir)
    {
        var path = PathIn(fleetDir);
        try
        {
            var list = JsonSerializer.Deserialize(File.ReadAllBytes(path), AgentRecordsJsonContext.Default.ListAgentRecord) ?? [];
            return new AgentRecords(path, list.Where(r => r is { Task.Length: > 0 }).ToDictionary(r => r.Task, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new AgentRecords(path, new Dictionary<string, AgentRecord>(StringComparer.Ordinal));
        }
    }

    public AgentRecord? Find(string task)
    {
        lock (_lock)
            return _records.GetValueOrDefault(task);
    }

    public IReadOnlyList<AgentRecord> All
    {
        get
        {
            lock (_lock)
                return [.. _records.Values];
        }
    }

    public void Record(AgentRecord record) => Change(records => records[record.Task] = record);

    public void Forget(string task) => Change(records => records.Remove(task));

    private void Change(Action<Dictionary<string, AgentRecord>> change)
    {
        lock (_lock)
        {
            var next = new Dictionary<string, AgentRecord>(_records, StringComparer.Ordinal);
            change(next);
            _records = next;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                var temp = $"{_path}.{Environment.ProcessId}.tmp";
                using (var stream = new FileStream(temp, PrivateFiles.Create()))
                    JsonSerializer.Serialize(stream, _records.Values.OrderBy(r => r.Task, StringComparer.Ordinal).ToList(), AgentRecordsJsonContext.Default.ListAgentRecord);
                File.Move(temp, _path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The record is a safety net: an agent still runs without it; a later host then cannot find this one.
            }
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<AgentRecord>))]
internal sealed partial class AgentRecordsJsonContext : JsonSerializerContext;
