using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FleetTui.Core.Session;

/// <summary>
/// Persists <see cref="SessionState"/> as <c>&lt;common-dir&gt;/fleet/state.json</c>. Every access holds an exclusive lock on
/// <c>state.lock</c> (flock under .NET on Unix), so two fleet processes never interleave a read-modify-write; every write goes to a
/// temp file, is fsynced, and renamed over the old one (atomic), after the previous good file was copied to <c>state.json.bak</c>.
/// A corrupt or newer-schema file is reported naming the file and is never silently discarded or overwritten.
/// </summary>
public sealed class SessionStore
{
    private static readonly JsonTypeInfo<SessionState> Json = (JsonTypeInfo<SessionState>)new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter<TaskOrigin>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<TaskPhase>(JsonNamingPolicy.CamelCase),
            new JsonStringEnumConverter<GateOutcome>(JsonNamingPolicy.CamelCase),
        },
        TypeInfoResolver = SessionStateJsonContext.Default,
    }.GetTypeInfo(typeof(SessionState));

    private readonly TimeSpan _lockTimeout;

    public SessionStore(string fleetDir, TimeSpan? lockTimeout = null)
    {
        Directory = fleetDir;
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10);
    }

    public string Directory { get; }

    public string StatePath => Path.Combine(Directory, "state.json");

    public string BackupPath => StatePath + ".bak";

    public string LockPath => Path.Combine(Directory, "state.lock");

    /// <summary>The state on disk (empty when there is no file yet).</summary>
    public SessionState Load()
    {
        using var _ = AcquireLock();
        return Read();
    }

    /// <summary>Reads the current state, applies <paramref name="change"/> and writes the result, all under the lock.</summary>
    public SessionState Update(Func<SessionState, SessionState> change)
    {
        using var _ = AcquireLock();
        var current = Read();
        var next = change(current) with { Schema = SessionState.CurrentSchema, Generation = current.Generation + 1 };
        Write(next);
        return next;
    }

    private SessionState Read()
    {
        if (!File.Exists(StatePath))
            return SessionState.Empty;
        SessionState? state;
        try
        {
            using var stream = File.OpenRead(StatePath);
            using var document = JsonDocument.Parse(stream);
            var schema = document.RootElement.TryGetProperty("schema", out var s) && s.TryGetInt32(out var n) ? n : 0;
            if (schema > SessionState.CurrentSchema)
                throw new SessionStateException(
                    $"{StatePath} has schema {schema}, newer than this fleet understands ({SessionState.CurrentSchema}); upgrade fleet. The file was left untouched.");
            if (schema < 1)
                throw new JsonException("missing or invalid \"schema\"");
            state = document.Deserialize<SessionState>(Json);
        }
        catch (JsonException error)
        {
            throw new SessionStateException(
                $"{StatePath} is corrupt ({error.Message}). It was left untouched; the previous good state is in {BackupPath} if it exists. " +
                "Fix or move the file aside to continue.", error);
        }

        return state ?? throw new SessionStateException($"{StatePath} is empty (null); the previous good state is in {BackupPath} if it exists.");
    }

    private void Write(SessionState state)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (File.Exists(StatePath))
            File.Copy(StatePath, BackupPath, overwrite: true);
        var temp = Path.Combine(Directory, $"state.json.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, state, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, StatePath, overwrite: true);
    }

    private FileStream AcquireLock()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var deadline = DateTime.UtcNow + _lockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
            catch (IOException error)
            {
                throw new SessionStateException($"Another fleet process holds {LockPath} (waited {_lockTimeout.TotalSeconds:0}s).", error);
            }
        }
    }
}

/// <summary>Compile-time JSON metadata for <see cref="SessionState"/> (fleet is published with Native AOT: no reflection).</summary>
[JsonSerializable(typeof(SessionState))]
internal sealed partial class SessionStateJsonContext : JsonSerializerContext;
