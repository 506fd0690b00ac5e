using System.Text;
using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Dcs;

/// <summary>
/// DECRQSS (<c>DCS $ q Pt ST</c>): reports the current SGR, DECSTBM, DECSLRM and DECSCUSR settings;
/// anything else gets the "invalid request" answer <c>DCS 0 $ r ST</c>. The request body is bounded.
/// </summary>
internal sealed class DecrqssRequest
{
    private const int MaxLength = 16;
    private readonly byte[] _body = new byte[MaxLength];
    private int _length;

    public void Start() => _length = 0;

    public void Put(ReadOnlySpan<byte> data)
    {
        var room = MaxLength - _length;
        var take = Math.Min(room, data.Length);
        data[..take].CopyTo(_body.AsSpan(_length));
        _length += take;
    }

    public string Answer(ScreenBuffer screen)
    {
        var request = Encoding.ASCII.GetString(_body, 0, _length);
        string? value = request switch
        {
            "m" => SgrOf(screen.Cursor.Pen) + "m",
            "r" => $"{screen.ScrollTop + 1};{screen.ScrollBottom + 1}r",
            "s" => $"{screen.LeftMargin + 1};{screen.RightMargin + 1}s",
            " q" => $"{ShapeCode(screen.Cursor)} q",
            "\"q" => "0\"q",
            "\"p" => "62;1\"p",
            _ => null,
        };
        return value is null ? "\eP0$r\e\\" : $"\eP1$r{value}\e\\";
    }

    private static int ShapeCode(Cursor cursor) => cursor.Shape switch
    {
        CursorShape.Block => cursor.Blinking ? 1 : 2,
        CursorShape.Underline => cursor.Blinking ? 3 : 4,
        CursorShape.Bar => cursor.Blinking ? 5 : 6,
        _ => 0,
    };

    internal static string SgrOf(CellStyle style)
    {
        var sb = new StringBuilder("0");
        if (style.Has(CellFlags.Bold)) sb.Append(";1");
        if (style.Has(CellFlags.Dim)) sb.Append(";2");
        if (style.Has(CellFlags.Italic)) sb.Append(";3");
        if (style.Underline == UnderlineStyle.Single) sb.Append(";4");
        else if (style.Underline != UnderlineStyle.None) sb.Append(";4:").Append((int)style.Underline);
        if (style.Has(CellFlags.Blink)) sb.Append(";5");
        if (style.Has(CellFlags.Inverse)) sb.Append(";7");
        if (style.Has(CellFlags.Hidden)) sb.Append(";8");
        if (style.Has(CellFlags.Strikethrough)) sb.Append(";9");
        if (style.Has(CellFlags.Overline)) sb.Append(";53");
        AppendColor(sb, style.Foreground, 30, 90, 38);
        AppendColor(sb, style.Background, 40, 100, 48);
        if (!style.UnderlineColor.IsDefault)
            AppendColor(sb, style.UnderlineColor, -1, -1, 58);
        return sb.ToString();
    }

    internal static void AppendColor(StringBuilder sb, TerminalColor color, int basic, int bright, int extended)
    {
        switch (color.Kind)
        {
            case ColorKind.Indexed when color.Index < 8 && basic >= 0:
                sb.Append(';').Append(basic + color.Index);
                break;
            case ColorKind.Indexed when color.Index < 16 && bright >= 0:
                sb.Append(';').Append(bright + color.Index - 8);
                break;
            case ColorKind.Indexed:
                sb.Append(';').Append(extended).Append(";5;").Append(color.Index);
                break;
            case ColorKind.Rgb:
                sb.Append(';').Append(extended).Append(";2;").Append(color.R).Append(';').Append(color.G).Append(';').Append(color.B);
                break;
        }
    }
}
