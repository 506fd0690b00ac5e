using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace FleetTui.Ui.Views;

/// <summary>A chrome panel that paints presenter output (<see cref="StyledLine"/>s); it redraws only when its lines change.</summary>
public class StyledLinesView : View
{
    private IReadOnlyList<StyledLine> _lines = [];

    public StyledLinesView(ChromeAttributes attributes)
    {
        Attributes = attributes;
        CanFocus = false;
    }

    public ChromeAttributes Attributes { get; set; }

    public IReadOnlyList<StyledLine> Lines
    {
        get => _lines;
        set
        {
            if (_lines.Count == value.Count && _lines.Zip(value).All(p => p.First.Equals(p.Second) || p.First.Runs.SequenceEqual(p.Second.Runs)))
                return;
            _lines = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Raised with the row (0: the first line) the user clicked.</summary>
    public event Action<int>? RowClicked;

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (RowClicked is null || mouse.Position is not { } position || !mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed))
            return false;
        RowClicked(position.Y);
        return true;
    }

    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        for (var row = 0; row < Viewport.Height; row++)
        {
            Move(0, row);
            var used = 0;
            if (row < _lines.Count)
            {
                foreach (var run in _lines[row].Runs)
                {
                    if (used >= width)
                        break;
                    var text = Attributes.Text(run.Text.Length > width - used ? run.Text[..(width - used)] : run.Text);
                    SetAttribute(Attributes.For(run.Role));
                    AddStr(text);
                    used += text.Length;
                }
            }
            SetAttribute(Attributes.Normal);
            if (used < width)
                AddStr(new string(' ', width - used));
        }
        return true;
    }
}
