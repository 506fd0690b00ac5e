using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FleetTui.Core.Files;

namespace FleetTui.Core.Session;

/// <summary>
/// Persists <see cref="SessionState"/> as <c>&lt;common-dir&gt;/fleet/state.json</c>. Every access holds an exclusive lock on
/// <c>state.lock</c> (flock under .NET on Unix), so two fleet processes never interleave a read-modify-write; every write goes to a
/// temp file, is fsynced, and renamed over the old one (atomic), after the previous file (which validated: it was just read) was
/// written to <c>state.json.bak</c> the same way. Files are created 0600 in a 0700 folder, never copied with another file's mode
/// (a read-only state.json once made every later backup fail). A corrupt file (bad JSON, or JSON that does not validate, see
/// <see cref="SessionStateValidator"/>) or one of a newer schema is reported naming the file and is never overwritten; nor is the
/// backup rotated from it.
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
        // Generous: ten fleet processes started at once on a loaded machine queue here for several seconds each.
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(60);
    }

    public string Directory { get; }

    public string StatePath => Path.Combine(Directory, "state.json");

    public string BackupPath => StatePath + ".bak";

    public string LockPath => Path.Combine(Directory, "state.lock");

    /// <summary>The state on disk (empty when there is no file yet). Creates nothing when fleet has never written here.</summary>
    public SessionState Load()
    {
        if (!System.IO.Directory.Exists(Directory))
            return SessionState.Empty;
        using var _ = AcquireLock();
        return Read().State;
    }

    /// <summary>Reads the current state, applies <paramref name="change"/> and writes the result, all under the lock.</summary>
    public SessionState Update(Func<SessionState, SessionState> change)
    {
        using var _ = AcquireLock();
        var (current, bytes) = Read();
        var next = change(current) with { Schema = SessionState.CurrentSchema, Generation = current.Generation + 1 };
        try
        {
            Write(next, bytes);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SessionStateException($"Cannot write {StatePath} ({error.Message}); nothing was changed.", error);
        }

        return next;
    }

    /// <summary>The validated state and the exact bytes it came from (null when there is no file).</summary>
    private (SessionState State, byte[]? Bytes) Read()
    {
        if (!File.Exists(StatePath))
            return (SessionState.Empty, null);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(StatePath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SessionStateException($"Cannot read {StatePath} ({error.Message}).", error);
        }

        SessionState state;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (SessionStateValidator.ShapeProblem(document.RootElement) is { } shape)
                throw Corrupt(shape);
            var schema = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var s) && s.TryGetInt32(out var n) ? n : 0;
            if (schema > SessionState.CurrentSchema)
                throw new SessionStateException(
                    $"{StatePath} has schema {schema}, newer than this fleet understands ({SessionState.CurrentSchema}); upgrade fleet. The file was left untouched.");
            if (schema < 1)
                throw new JsonException("missing or invalid \"schema\"");
            state = SessionStateValidator.WithDefaults(document.Deserialize<SessionState>(Json)!);
        }
        catch (JsonException error)
        {
            throw Corrupt(error.Message, error);
        }

        return SessionStateValidator.Problem(state) is { } problem ? throw Corrupt(problem) : (state, bytes);
    }

    private SessionStateException Corrupt(string why, Exception? inner = null) => new(
        $"{StatePath} is corrupt ({why}). It was left untouched; the previous good state is in {BackupPath} if it exists. " +
        "Fix or move the file aside to continue.", inner);

    private void Write(SessionState state, byte[]? previous)
    {
        OwnerOnly.CreateFolder(Directory);
        // The backup is a convenience copy: not fsynced (the state itself is), which halves the time the lock is held.
        if (previous is not null)
            ReplaceAtomically(BackupPath, stream => stream.Write(previous), durable: false);
        ReplaceAtomically(StatePath, stream => JsonSerializer.Serialize(stream, state, Json), durable: true);
    }

    /// <summary>Writes a new 0600 file beside <paramref name="path"/>, fsyncs it when durable, and renames it over <paramref name="path"/>.</summary>
    private static void ReplaceAtomically(string path, Action<FileStream> write, bool durable)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = OwnerOnly.Open(temp, FileMode.Create, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private FileStream AcquireLock()
    {
        OwnerOnly.CreateFolder(Directory);
        var deadline = DateTime.UtcNow + _lockTimeout;
        while (true)
        {
            try
            {
                return OwnerOnly.Open(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite);
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
