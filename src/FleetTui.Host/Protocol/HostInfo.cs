using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetTui.Host.Protocol;

/// <summary>What a running host writes beside its socket (0600), so <c>fleet host status --all</c> can list every host.</summary>
public sealed record HostInfo(int Pid, string RepoRoot, string Socket, DateTimeOffset StartedAt, int ProtocolVersion)
{
    public void Write(string path, Func<string, FileStream> create)
    {
        using var stream = create(path);
        JsonSerializer.Serialize(stream, this, HostInfoJsonContext.Default.HostInfo);
    }

    public static HostInfo? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), HostInfoJsonContext.Default.HostInfo);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(HostInfo))]
internal sealed partial class HostInfoJsonContext : JsonSerializerContext;
