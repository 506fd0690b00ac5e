using System.Text.Json;
using System.Text.Json.Serialization;
using FleetTui.Core.Config;

namespace FleetTui.Host.Protocol;

/// <summary>An agent reference as <c>"name"</c> (a preset) or <c>["argv", …]</c> (a command), as fleet.toml writes it.</summary>
public sealed class AgentRefJsonConverter : JsonConverter<AgentRef>
{
    public override AgentRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return AgentRef.Preset(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("an agent is a preset name or an argv array");
        var argv = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            argv.Add(reader.GetString() ?? throw new JsonException("argv elements are strings"));
        return AgentRef.Command(argv);
    }

    public override void Write(Utf8JsonWriter writer, AgentRef value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case AgentRef.PresetRef preset:
                writer.WriteStringValue(preset.Name);
                break;
            case AgentRef.CommandRef command:
                writer.WriteStartArray();
                foreach (var arg in command.Argv)
                    writer.WriteStringValue(arg);
                writer.WriteEndArray();
                break;
        }
    }
}
