using System.Globalization;
using System.Text;

namespace FleetTui.Core.Config;

/// <summary>Writing TOML values for the files FleetTui generates (fleet.toml from tickets, the demo's fleet.toml).</summary>
public static class TomlText
{
    /// <summary>A TOML basic string: backslash, quote and control characters escaped (paths and prompts may hold anything).</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                < ' ' or '\u007f' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>A TOML array of basic strings.</summary>
    public static string Array(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Quote))}]";
}
