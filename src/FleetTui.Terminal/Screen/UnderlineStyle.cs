namespace FleetTui.Terminal.Screen;

/// <summary>SGR 4 and its sub-parameters (<c>4:0</c> .. <c>4:5</c>), and SGR 21 (double).</summary>
public enum UnderlineStyle : byte
{
    None = 0,
    Single = 1,
    Double = 2,
    Curly = 3,
    Dotted = 4,
    Dashed = 5,
}
