using System.Text;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Osc;

/// <summary>
/// OSC strings: 0/1/2 titles, 4 palette, 7 working directory, 8 hyperlinks, 9 and 777 notifications, 52 clipboard,
/// 10/11/12 dynamic colors, 104/110/111/112 resets. Replies use ST.
/// </summary>
internal static class OscCommands
{
    public static void Dispatch(TerminalHandler t, ReadOnlySpan<byte> payload)
    {
        var separator = payload.IndexOf((byte)';');
        var numberPart = separator < 0 ? payload : payload[..separator];
        if (!TryParseNumber(numberPart, out var command))
            return;
        var data = separator < 0 ? "" : Encoding.UTF8.GetString(payload[(separator + 1)..]);
        switch (command)
        {
            case 0:
            case 2:
                t.SetTitle(data);
                break;
            case 4:
                PaletteColors(t, data);
                break;
            case 7:
                t.SetWorkingDirectory(data);
                break;
            case 8:
                Hyperlink(t, data);
                break;
            case 9:
                // ConEmu reuses OSC 9 with a numeric sub-command (9;4 progress): not a notification.
                if (data.Length > 0 && !(data.Length >= 2 && char.IsAsciiDigit(data[0]) && data[1] == ';'))
                    t.Notify(new TerminalNotification("", data));
                break;
            case 777:
                Notify777(t, data);
                break;
            case 52:
                Clipboard(t, data);
                break;
            case 10:
            case 11:
            case 12:
                DynamicColors(t, command, data);
                break;
            case 104:
                ResetPalette(t, data);
                break;
            case 110: t.Palette.Foreground = t.Palette.DefaultForeground; break;
            case 111: t.Palette.Background = t.Palette.DefaultBackground; break;
            case 112: t.Palette.Cursor = t.Palette.DefaultForeground; break;
        }
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 5)
            return false;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
                return false;
            value = value * 10 + (d - '0');
        }

        return true;
    }

    private static void Hyperlink(TerminalHandler t, string data)
    {
        // 8;params;uri — an empty uri ends the link.
        var separator = data.IndexOf(';');
        if (separator < 0)
            return;
        var uri = data[(separator + 1)..];
        var id = uri.Length == 0 ? (ushort)0 : t.Screen.InternHyperlink(uri);
        t.Screen.Cursor.Pen = t.Screen.Cursor.Pen with { HyperlinkId = id };
    }

    private static void Notify777(TerminalHandler t, string data)
    {
        var parts = data.Split(';', 3);
        if (parts.Length >= 2 && parts[0] == "notify")
            t.Notify(new TerminalNotification(parts[1], parts.Length > 2 ? parts[2] : ""));
    }

    private static void Clipboard(TerminalHandler t, string data)
    {
        var separator = data.IndexOf(';');
        if (separator < 0)
            return;
        var selection = data[..separator];
        var content = data[(separator + 1)..];
        if (content == "?")
        {
            t.RequestClipboard(new ClipboardRequest(selection, null));
            return;
        }

        var buffer = new byte[content.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(content, buffer, out var written))
            return;
        t.RequestClipboard(new ClipboardRequest(selection, Encoding.UTF8.GetString(buffer, 0, written)));
    }

    private static void PaletteColors(TerminalHandler t, string data)
    {
        // 4;index;spec[;index;spec...] where spec "?" asks for the color.
        var parts = data.Split(';');
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (!int.TryParse(parts[i], out var index) || index is < 0 or > 255)
                continue;
            if (parts[i + 1] == "?")
                t.Reply($"\e]4;{index};{XColor.Format(t.Palette[index])}\e\\");
            else if (XColor.TryParse(parts[i + 1], out var color))
                t.Palette[index] = color;
        }
    }

    private static void ResetPalette(TerminalHandler t, string data)
    {
        if (data.Length == 0)
        {
            t.Palette.ResetAll();
            return;
        }

        foreach (var part in data.Split(';'))
            if (int.TryParse(part, out var index))
                t.Palette.Reset(index);
    }

    /// <summary>10 foreground, 11 background, 12 cursor; each following spec applies to the next number.</summary>
    private static void DynamicColors(TerminalHandler t, int command, string data)
    {
        foreach (var spec in data.Split(';'))
        {
            if (command > 12)
                break;
            if (spec == "?")
                t.Reply($"\e]{command};{XColor.Format(Get(t.Palette, command))}\e\\");
            else if (XColor.TryParse(spec, out var color))
                Set(t.Palette, command, color);
            command++;
        }
    }

    private static TerminalColor Get(TerminalPalette palette, int command) => command switch
    {
        10 => palette.Foreground,
        11 => palette.Background,
        _ => palette.Cursor,
    };

    private static void Set(TerminalPalette palette, int command, TerminalColor color)
    {
        switch (command)
        {
            case 10: palette.Foreground = color; break;
            case 11: palette.Background = color; break;
            default: palette.Cursor = color; break;
        }
    }
}
