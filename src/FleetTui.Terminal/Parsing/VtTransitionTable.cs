namespace FleetTui.Terminal.Parsing;

/// <summary>
/// The packed transition table: one byte per (state, input byte), indexed by <c>state &lt;&lt; 8 | byte</c>,
/// holding <c>action &lt;&lt; 4 | nextState</c>. Built once. CAN, SUB and ESC ("anywhere" transitions) are
/// handled by the parser itself because they also run exit actions from any state, including re-entering Escape.
/// Bytes 0x80-0xFF: in UTF-8 mode they are never C1 controls; inside strings they are payload, elsewhere ignored.
/// </summary>
internal static class VtTransitionTable
{
    public const int StateCount = 14;

    public static readonly byte[] Table = Build();

    public static VtAction ActionOf(byte entry) => (VtAction)(entry >> 4);

    public static VtParserState StateOf(byte entry) => (VtParserState)(entry & 0x0F);

    private static byte[] Build()
    {
        var table = new byte[StateCount * 256];
        for (var s = 0; s < StateCount; s++)
        {
            var state = (VtParserState)s;
            // Default: stay, ignore.
            Set(table, state, 0x00, 0xFF, VtAction.Ignore, state);
        }

        // Ground.
        Set(table, VtParserState.Ground, 0x00, 0x17, VtAction.Execute, VtParserState.Ground);
        Set(table, VtParserState.Ground, 0x19, 0x19, VtAction.Execute, VtParserState.Ground);
        Set(table, VtParserState.Ground, 0x1C, 0x1F, VtAction.Execute, VtParserState.Ground);
        Set(table, VtParserState.Ground, 0x20, 0x7E, VtAction.Print, VtParserState.Ground);

        // C0 controls execute inside escape and control sequences (Williams' "execute" in every non-string state).
        foreach (var state in new[]
                 {
                     VtParserState.Escape, VtParserState.EscapeIntermediate, VtParserState.CsiEntry,
                     VtParserState.CsiParam, VtParserState.CsiIntermediate, VtParserState.CsiIgnore,
                 })
        {
            Set(table, state, 0x00, 0x17, VtAction.Execute, state);
            Set(table, state, 0x19, 0x19, VtAction.Execute, state);
            Set(table, state, 0x1C, 0x1F, VtAction.Execute, state);
        }

        // Escape.
        Set(table, VtParserState.Escape, 0x20, 0x2F, VtAction.Collect, VtParserState.EscapeIntermediate);
        Set(table, VtParserState.Escape, 0x30, 0x4F, VtAction.EscDispatch, VtParserState.Ground);
        Set(table, VtParserState.Escape, 0x51, 0x57, VtAction.EscDispatch, VtParserState.Ground);
        Set(table, VtParserState.Escape, 0x59, 0x5A, VtAction.EscDispatch, VtParserState.Ground);
        Set(table, VtParserState.Escape, 0x5C, 0x5C, VtAction.EscDispatch, VtParserState.Ground);
        Set(table, VtParserState.Escape, 0x60, 0x7E, VtAction.EscDispatch, VtParserState.Ground);
        Set(table, VtParserState.Escape, 0x50, 0x50, VtAction.Ignore, VtParserState.DcsEntry);
        Set(table, VtParserState.Escape, 0x5B, 0x5B, VtAction.Ignore, VtParserState.CsiEntry);
        Set(table, VtParserState.Escape, 0x5D, 0x5D, VtAction.Ignore, VtParserState.OscString);
        Set(table, VtParserState.Escape, 0x58, 0x58, VtAction.Ignore, VtParserState.SosPmApcString);
        Set(table, VtParserState.Escape, 0x5E, 0x5F, VtAction.Ignore, VtParserState.SosPmApcString);

        // Escape intermediate.
        Set(table, VtParserState.EscapeIntermediate, 0x20, 0x2F, VtAction.Collect, VtParserState.EscapeIntermediate);
        Set(table, VtParserState.EscapeIntermediate, 0x30, 0x7E, VtAction.EscDispatch, VtParserState.Ground);

        // CSI entry.
        Set(table, VtParserState.CsiEntry, 0x20, 0x2F, VtAction.Collect, VtParserState.CsiIntermediate);
        Set(table, VtParserState.CsiEntry, 0x30, 0x3B, VtAction.Param, VtParserState.CsiParam);
        Set(table, VtParserState.CsiEntry, 0x3C, 0x3F, VtAction.Collect, VtParserState.CsiParam);
        Set(table, VtParserState.CsiEntry, 0x40, 0x7E, VtAction.CsiDispatch, VtParserState.Ground);

        // CSI param.
        Set(table, VtParserState.CsiParam, 0x30, 0x3B, VtAction.Param, VtParserState.CsiParam);
        Set(table, VtParserState.CsiParam, 0x3C, 0x3F, VtAction.Ignore, VtParserState.CsiIgnore);
        Set(table, VtParserState.CsiParam, 0x20, 0x2F, VtAction.Collect, VtParserState.CsiIntermediate);
        Set(table, VtParserState.CsiParam, 0x40, 0x7E, VtAction.CsiDispatch, VtParserState.Ground);

        // CSI intermediate.
        Set(table, VtParserState.CsiIntermediate, 0x20, 0x2F, VtAction.Collect, VtParserState.CsiIntermediate);
        Set(table, VtParserState.CsiIntermediate, 0x30, 0x3F, VtAction.Ignore, VtParserState.CsiIgnore);
        Set(table, VtParserState.CsiIntermediate, 0x40, 0x7E, VtAction.CsiDispatch, VtParserState.Ground);

        // CSI ignore.
        Set(table, VtParserState.CsiIgnore, 0x40, 0x7E, VtAction.Ignore, VtParserState.Ground);

        // DCS entry, param, intermediate, ignore (C0 ignored inside DCS headers).
        Set(table, VtParserState.DcsEntry, 0x20, 0x2F, VtAction.Collect, VtParserState.DcsIntermediate);
        Set(table, VtParserState.DcsEntry, 0x30, 0x3B, VtAction.Param, VtParserState.DcsParam);
        Set(table, VtParserState.DcsEntry, 0x3C, 0x3F, VtAction.Collect, VtParserState.DcsParam);
        Set(table, VtParserState.DcsEntry, 0x40, 0x7E, VtAction.Ignore, VtParserState.DcsPassthrough);
        Set(table, VtParserState.DcsParam, 0x30, 0x3B, VtAction.Param, VtParserState.DcsParam);
        Set(table, VtParserState.DcsParam, 0x3C, 0x3F, VtAction.Ignore, VtParserState.DcsIgnore);
        Set(table, VtParserState.DcsParam, 0x20, 0x2F, VtAction.Collect, VtParserState.DcsIntermediate);
        Set(table, VtParserState.DcsParam, 0x40, 0x7E, VtAction.Ignore, VtParserState.DcsPassthrough);
        Set(table, VtParserState.DcsIntermediate, 0x20, 0x2F, VtAction.Collect, VtParserState.DcsIntermediate);
        Set(table, VtParserState.DcsIntermediate, 0x30, 0x3F, VtAction.Ignore, VtParserState.DcsIgnore);
        Set(table, VtParserState.DcsIntermediate, 0x40, 0x7E, VtAction.Ignore, VtParserState.DcsPassthrough);

        // DCS passthrough: everything but DEL is data, including UTF-8 payload.
        Set(table, VtParserState.DcsPassthrough, 0x00, 0x17, VtAction.Put, VtParserState.DcsPassthrough);
        Set(table, VtParserState.DcsPassthrough, 0x19, 0x19, VtAction.Put, VtParserState.DcsPassthrough);
        Set(table, VtParserState.DcsPassthrough, 0x1C, 0x7E, VtAction.Put, VtParserState.DcsPassthrough);
        Set(table, VtParserState.DcsPassthrough, 0x80, 0xFF, VtAction.Put, VtParserState.DcsPassthrough);

        // OSC string: BEL terminates (xterm), other C0 ignored, printable and UTF-8 bytes are payload.
        Set(table, VtParserState.OscString, 0x07, 0x07, VtAction.Ignore, VtParserState.Ground);
        Set(table, VtParserState.OscString, 0x20, 0x7F, VtAction.OscPut, VtParserState.OscString);
        Set(table, VtParserState.OscString, 0x80, 0xFF, VtAction.OscPut, VtParserState.OscString);

        return table;
    }

    private static void Set(byte[] table, VtParserState state, int from, int to, VtAction action, VtParserState next)
    {
        for (var b = from; b <= to; b++)
            table[((int)state << 8) | b] = (byte)(((int)action << 4) | (int)next);
    }
}
