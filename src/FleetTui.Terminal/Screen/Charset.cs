namespace FleetTui.Terminal.Screen;

/// <summary>Character sets designated by SCS (<c>ESC ( 0</c> ...). Only the ones programs still use.</summary>
public enum Charset : byte
{
    Ascii,
    DecSpecialGraphics,
    British,
}
