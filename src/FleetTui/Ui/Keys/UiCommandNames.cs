using System.Text;

namespace FleetTui.Ui.Keys;

/// <summary>The config spelling of a <see cref="UiCommand"/>: <c>ToggleSidebar</c> ⇄ <c>toggle_sidebar</c>, <c>FocusPane1</c> ⇄ <c>focus_pane_1</c>.</summary>
public static class UiCommandNames
{
    private static readonly Dictionary<string, UiCommand> ByName =
        Enum.GetValues<UiCommand>().ToDictionary(ConfigName, command => command, StringComparer.Ordinal);

    public static IEnumerable<string> All => ByName.Keys;

    public static string ConfigName(UiCommand command)
    {
        var name = command.ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1]))))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static bool TryParse(string name, out UiCommand command) => ByName.TryGetValue(name, out command);
}
