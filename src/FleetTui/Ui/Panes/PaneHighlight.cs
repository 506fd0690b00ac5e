namespace FleetTui.Ui.Panes;

/// <summary>
/// Scroll mode's marks on the rows a pane shows: the cursor line, the selected rows (they may run off either edge) and
/// the text searched for, whose matches are highlighted. Rows count from the first row under the title.
/// </summary>
public sealed record PaneHighlight(int CursorRow, int SelectionFirst, int SelectionLast, string Search)
{
    public bool IsMarked(int row) => row == CursorRow || (row >= SelectionFirst && row <= SelectionLast);
}
