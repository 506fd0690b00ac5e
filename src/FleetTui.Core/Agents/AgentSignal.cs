using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FleetTui.Core.Agents;

/// <summary>
/// One line of a task's signal file: what <c>fleet signal</c> reported, when, and from which launch of the agent
/// (<see cref="Run"/>, from <see cref="RunVariable"/>), so a late hook of an agent that was since restarted is not taken
/// for the new one's.
/// </summary>
public sealed record AgentSignal(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("state")] HookSignal State,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("run")] string? Run = null,
    [property: JsonPropertyName("event")] string? Event = null)
{
    /// <summary>The environment variable naming the agent's launch; every process the agent starts (its hooks) inherits it.</summary>
    public const string RunVariable = "FLEET_AGENT_RUN";

    private static readonly JsonTypeInfo<AgentSignal> Json = (JsonTypeInfo<AgentSignal>)new JsonSerializerOptions
    {
        Converters = { new JsonStringEnumConverter<HookSignal>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = AgentSignalJsonContext.Default,
    }.GetTypeInfo(typeof(AgentSignal));

    /// <summary>The JSON text of this signal, one line, no newline.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses one line; null when it is not a signal (a torn or foreign line is skipped, never fatal).</summary>
    public static AgentSignal? TryParse(string line)
    {
        try
        {
            var signal = JsonSerializer.Deserialize<AgentSignal>(line, Json);
            return signal is { Task: not null } ? signal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public AgentObservation.Hook ToObservation() => new(Time, State, Message, Event);
}

/// <summary>Compile-time JSON metadata for <see cref="AgentSignal"/> (fleet is published with Native AOT: no reflection).</summary>
[JsonSerializable(typeof(AgentSignal))]
internal sealed partial class AgentSignalJsonContext : JsonSerializerContext;
