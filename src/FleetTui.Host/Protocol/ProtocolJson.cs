using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetTui.Host.Protocol;

/// <summary>Control messages to and from UTF-8 JSON, through source-generated metadata (the host runs as a Native AOT build).</summary>
public static class ProtocolJson
{
    public static byte[] Serialize(ClientMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.ClientMessage);

    public static byte[] Serialize(HostMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, ProtocolJsonContext.Default.HostMessage);

    /// <exception cref="ProtocolException">The payload is not a message this version knows.</exception>
    public static ClientMessage ReadClientMessage(ReadOnlySpan<byte> payload) => Read(payload, ProtocolJsonContext.Default.ClientMessage);

    public static HostMessage ReadHostMessage(ReadOnlySpan<byte> payload) => Read(payload, ProtocolJsonContext.Default.HostMessage);

    /// <summary>
    /// The "version" of a first message this version cannot parse (a newer or older peer's hello or welcome), so that the
    /// refusal can name both versions; null when there is none.
    /// </summary>
    public static int? PeekVersion(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("version"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version))
                    return version;
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static T Read<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(payload, type) ?? throw new ProtocolException("an empty (null) message");
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ProtocolException($"a malformed message ({error.Message})");
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(AgentRefJsonConverter)])]
[JsonSerializable(typeof(ClientMessage))]
[JsonSerializable(typeof(HostMessage))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
