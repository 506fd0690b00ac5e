using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FleetTui.Terminal.Screen;

/// <summary>
/// One screen cell. The content packs a code point (or, when combining marks were added, an index into the screen's
/// grapheme table) with the cell's width: 1 for a normal cell, 2 for the left half of a wide character,
/// 0 for the right half (a spacer that draws nothing). A default cell is empty (drawn as a space) with the default style.
/// </summary>
[StructLayout(LayoutKind.Sequential)] // FillNarrow writes the two fields in place
public readonly struct Cell
{
    private const uint CodePointMask = 0x1F_FFFF;
    private const int WidthShift = 21;
    private const uint GraphemeFlag = 1u << 23;
    // Width code: 0 → width 1, 1 → width 2, 2 → width 0 (spacer), so that default(Cell) is a width-1 cell.
    private const uint WideCode = 1u << WidthShift;
    private const uint SpacerCode = 2u << WidthShift;

    private readonly uint _content;

    public readonly CellStyle Style;

    private Cell(uint content, CellStyle style)
    {
        _content = content;
        Style = style;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Cell Narrow(int codePoint, in CellStyle style) => new((uint)codePoint, style);

    /// <summary>
    /// Writes <paramref name="ascii"/> (printable ASCII, at least as long as <paramref name="cells"/>) as narrow cells in
    /// <paramref name="style"/>: the print hot path, two stores a cell (the code point, then the style held in a register)
    /// instead of a cell built and copied. Relies on the layout: the content word at offset 0, the 16-byte style after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot path: skip tier-0 so a short `fleet replay` runs optimized code
    internal static void FillNarrow(Span<Cell> cells, ReadOnlySpan<byte> ascii, in CellStyle style)
    {
        if (ascii.Length < cells.Length)
            throw new ArgumentException("fewer characters than cells", nameof(ascii));
        var styleBytes = Unsafe.ReadUnaligned<Vector128<byte>>(in Unsafe.As<CellStyle, byte>(ref Unsafe.AsRef(in style)));
        ref var cell = ref Unsafe.As<Cell, byte>(ref MemoryMarshal.GetReference(cells));
        ref var text = ref MemoryMarshal.GetReference(ascii);
        for (var k = 0; k < cells.Length; k++)
        {
            Unsafe.WriteUnaligned(ref cell, (uint)Unsafe.Add(ref text, k));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref cell, sizeof(uint)), styleBytes);
            cell = ref Unsafe.Add(ref cell, Unsafe.SizeOf<Cell>());
        }
    }

    public static Cell Wide(int codePoint, in CellStyle style) => new((uint)codePoint | WideCode, style);

    public static Cell Spacer(in CellStyle style) => new(SpacerCode, style);

    public static Cell Blank(in CellStyle style) => new(0, style);

    /// <summary>A cell whose text (a base with combining marks) is entry <paramref name="graphemeIndex"/> of its owner's grapheme table.</summary>
    public static Cell WithGrapheme(int graphemeIndex, int width, in CellStyle style) =>
        new((uint)graphemeIndex | GraphemeFlag | (width == 2 ? WideCode : 0), style);

    /// <summary>The base code point, 0 for an empty cell or a spacer. For a grapheme cell, see <see cref="HasGrapheme"/>.</summary>
    public int CodePoint => HasGrapheme ? 0 : (int)(_content & CodePointMask);

    /// <summary>True when the cell holds a code point plus combining marks; its text is in the screen's grapheme table.</summary>
    public bool HasGrapheme => (_content & GraphemeFlag) != 0;

    public int GraphemeIndex => (int)(_content & CodePointMask);

    /// <summary>1, 2 (left half of a wide character) or 0 (right half: draw nothing).</summary>
    public int Width => ((_content >> WidthShift) & 3) switch { 0 => 1, 1 => 2, _ => 0 };

    public bool IsSpacer => (_content & SpacerCode) != 0;

    public bool IsWide => (_content & WideCode) != 0;

    /// <summary>Never written since the last erase (or an erased cell): prints as a space.</summary>
    public bool IsEmpty => (_content & (CodePointMask | GraphemeFlag | SpacerCode)) == 0;

    internal uint Content => _content;

    /// <summary>A cell from a content word read off another cell (<see cref="Content"/>): packed history's way back.</summary>
    internal static Cell FromContent(uint content, in CellStyle style) => new(content, style);

    public override string ToString() => IsSpacer ? "" : IsEmpty ? " " : HasGrapheme ? $"<g{GraphemeIndex}>" : char.ConvertFromUtf32(CodePoint);
}
