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
            "m" => SgrEncoder.Parameters(screen.Cursor.Pen) + "m",
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
}
