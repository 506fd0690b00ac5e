using FleetTui.Terminal.Screen;

namespace FleetTui.Terminal.Emulation.Modes;

/// <summary>The kitty keyboard flags stack (at most <see cref="Depth"/> entries); the top is mirrored into <see cref="TerminalModes"/>.</summary>
internal sealed class KittyFlagStack(TerminalModes modes)
{
    public const int Depth = 16;

    private readonly int[] _stack = new int[Depth];
    private int _count;

    public void Push(int flags)
    {
        if (_count == Depth)
        {
            Array.Copy(_stack, 1, _stack, 0, Depth - 1);
            _count--;
        }

        _stack[_count++] = modes.KittyKeyboardFlags;
        modes.KittyKeyboardFlags = flags & 0x1F;
    }

    public void Pop(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_count == 0)
            {
                modes.KittyKeyboardFlags = 0;
                return;
            }

            modes.KittyKeyboardFlags = _stack[--_count];
        }
    }

    /// <summary>Mode 1 replaces, 2 sets the given bits, 3 clears them.</summary>
    public void Set(int flags, int mode)
    {
        flags &= 0x1F;
        modes.KittyKeyboardFlags = mode switch
        {
            2 => modes.KittyKeyboardFlags | flags,
            3 => modes.KittyKeyboardFlags & ~flags,
            _ => flags,
        };
    }

    public void Clear()
    {
        _count = 0;
        modes.KittyKeyboardFlags = 0;
    }
}
