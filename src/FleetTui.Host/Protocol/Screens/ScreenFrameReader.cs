namespace FleetTui.Host.Protocol.Screens;

/// <summary>
/// Applies a screens frame (a count, then pane updates as <see cref="PaneUpdateEncoder"/> writes them) to a client's
/// mirrors, creating a mirror for a task seen the first time and dropping one whose task is gone.
/// </summary>
public static class ScreenFrameReader
{
    /// <param name="mirrorFor">The mirror of a task, created when <paramref name="create"/> is true and there is none.</param>
    /// <returns>The mirrors changed by this frame (signal them once the caller is done).</returns>
    public static List<PaneMirror> Apply(ReadOnlySpan<byte> frame, Func<string, bool, PaneMirror?> mirrorFor)
    {
        var reader = new WireReader(frame);
        var count = reader.U16();
        var changed = new List<PaneMirror>(count);
        for (var i = 0; i < count; i++)
        {
            var task = reader.String();
            var flags = (PaneFlags)reader.U8();
            var columns = reader.U16();
            var rows = reader.U16();
            var cursorRow = reader.U16();
            var cursorColumn = reader.U16();
            var history = (int)Math.Min(reader.U32(), int.MaxValue);
            var offset = (int)Math.Min(reader.U32(), int.MaxValue);
            var title = reader.String();
            var exit = reader.String();
            var rowCount = (int)reader.U32();
            var mirror = mirrorFor(task, !flags.HasFlag(PaneFlags.Gone));
            if (mirror is null)
            {
                SkipRows(ref reader, rowCount);
                continue;
            }
            lock (mirror.SyncRoot)
            {
                mirror.Apply(flags, columns, rows, cursorRow, cursorColumn, history, offset, title, exit);
                for (var r = 0; r < rowCount; r++)
                {
                    var index = reader.U16();
                    var length = (int)reader.U32();
                    var cells = new WireReader(reader.Bytes(length));
                    mirror.ApplyRow(index, ref cells);
                }
            }
            changed.Add(mirror);
        }
        return changed;
    }

    private static void SkipRows(ref WireReader reader, int count)
    {
        for (var r = 0; r < count; r++)
        {
            reader.U16();
            reader.Bytes((int)reader.U32());
        }
    }
}
