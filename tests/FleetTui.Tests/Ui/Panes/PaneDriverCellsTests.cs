using System.Text;
using FleetTui.Core.Session;
using FleetTui.Host.Panes;
using FleetTui.Host.Protocol;
using FleetTui.Host.Protocol.Screens;
using FleetTui.Terminal.Emulation;
using FleetTui.Ui.MainLoop;
using FleetTui.Ui.Panes;
using FleetTui.Ui.Themes;
using FleetTui.Ui.Views;
using Shouldly;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Xunit;

namespace FleetTui.Tests.Ui.Panes;

/// <summary>
/// Pane cells go straight into the driver's cells (<see cref="DriverCells"/>), not through Terminal.Gui's AddStr (issue 17,
/// goal 1). Whatever the content (plain, coloured, wide, combining, box drawing), the driver's cells and the bytes the
/// cockpit writes must be exactly those of the stock path, frame after frame, and under an overlay.
/// </summary>
public class PaneDriverCellsTests
{
    private const int Width = 24;
    private const int Height = 7;

    public static TheoryData<string, string> Contents => new()
    {
        { "plain", "hello world\r\n$ ls -la\r\nREADME.md  src  tests" },
        { "colours", "\e[1;31mred\e[0m \e[38;5;33mblue\e[48;2;10;200;30m on green\e[0m\r\n\e[7mreverse\e[0m end" },
        { "wide", "中文字符 and 日本語テキスト\r\nab中cd文ef\r\n한국어 text" },
        { "combining", "e\u0301te\u0301 cafe\u0301 n\u0303o\r\na\u0308b\u0308c\u0308 x\u0323\u0307" },
        { "box drawing", "┌──────┐\r\n│ box  │ → ✓\r\n└──────┘ ★ ≥ λ" },
        { "wide at the edge", "123456789012345678901中文\r\n\e[33m12345678901234567890123中" },
        { "emoji", "ok 👍 fine 🎉\r\nflag 🇫🇷 end" },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Frames_written_directly_equal_terminal_guis_cell_for_cell_and_byte_for_byte(string name, string content)
    {
        name.ShouldNotBeNull();
        // The second screen puts narrow text where wide text was and the reverse, and new colours everywhere.
        var frames = new[] { content, "\e[2J\e[H\e[32m" + Shift(content) + "\e[0m\r\nnarrow 中文 again", "\e[H中文中文中文中文中文中文中文中文中文中文\r\nabcdefghijklmnopqrstuvwx" };
        var stock = Draw(frames, throughTerminalGui: true, overlay: false);
        var direct = Draw(frames, throughTerminalGui: false, overlay: false);

        for (var frame = 0; frame < frames.Length; frame++)
            ShouldBeSame(direct[frame], stock[frame], frame);
    }

    /// <summary>
    /// Under an overlay Terminal.Gui's own path is no reference: a wide character whose second column is clipped moves its
    /// write position one column instead of two, so the rest of the row lands one column off. Written directly, every cell
    /// outside the overlay is the one drawn without the overlay (a wide character cut by it becomes a blank, as AddStr
    /// makes it), and the overlay's cells are exactly Terminal.Gui's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Contents))]
    public void Under_an_overlay_on_an_odd_column_cells_outside_it_are_the_panes_and_inside_it_the_overlays(string name, string content)
    {
        name.ShouldNotBeNull();
        var frames = new[] { content, "\e[H" + Shift(content) };
        var stock = Draw(frames, throughTerminalGui: true, overlay: true);
        var direct = Draw(frames, throughTerminalGui: false, overlay: true);
        var bare = Draw(frames, throughTerminalGui: false, overlay: false);

        for (var frame = 0; frame < frames.Length; frame++)
        {
            for (var cell = 0; cell < Width * Height; cell++)
            {
                int row = cell / Width, column = cell % Width;
                var where = $"frame {frame}, row {row}, column {column}";
                if (Overlay.Contains(column, row))
                    direct[frame].Cells[cell].ShouldBe(stock[frame].Cells[cell], where);
                else if (column + 1 == Overlay.Left && Overlay.Top <= row && row < Overlay.Bottom && Text(bare[frame].Cells[cell]).Length > 0
                         && direct[frame].Cells[cell] != bare[frame].Cells[cell])
                    Text(direct[frame].Cells[cell]).ShouldBe(" ", where + ": a wide character cut by the overlay");
                else
                    direct[frame].Cells[cell].ShouldBe(bare[frame].Cells[cell], where);
            }
        }
    }

    private static readonly System.Drawing.Rectangle Overlay = new(5, 2, 3, 3);

    private static string Text(string described) => described[1..described.IndexOf('\'', 1)];

    private static void ShouldBeSame((string[] Cells, string Output) direct, (string[] Cells, string Output) stock, int frame)
    {
        for (var cell = 0; cell < stock.Cells.Length; cell++)
            direct.Cells[cell].ShouldBe(stock.Cells[cell], $"frame {frame}, row {cell / Width}, column {cell % Width}");
        direct.Output.ShouldBe(stock.Output, $"frame {frame}");
    }

    /// <summary>The same text one column to the right, so wide characters land where narrow ones were.</summary>
    private static string Shift(string content) => " " + content.Replace("\r\n", "\r\n ", StringComparison.Ordinal);

    private static List<(string[] Cells, string Output)> Draw(string[] frames, bool throughTerminalGui, bool overlay)
    {
        DriverCells.ThroughTerminalGui = throughTerminalGui;
        try
        {
            using var app = CockpitApplication.Create().App.Init(global::Terminal.Gui.Drivers.DriverRegistry.Names.ANSI);
            app.Driver!.SetScreenSize(Width, Height);
            var task = new TaskSnapshot { Name = "t", Branch = "fleet/t", BaseBranch = "main", WorktreePath = "/tmp", Phase = TaskPhase.Active };
            using var terminal = new PaneTerminal(Width, Height - 1);
            var mirror = new PaneMirror(task.Name);
            var encoder = new PaneUpdateEncoder();
            var wire = new WireWriter();
            var pane = new PaneView(1, task, mirror, new ChromeAttributes(ThemeLoader.Resolve(null, null, false)));
            var root = new Runnable { Width = Dim.Fill(), Height = Dim.Fill() };
            root.Add(pane);
            if (overlay)
                root.Add(new View { X = Overlay.X, Y = Overlay.Y, Width = Overlay.Width, Height = Overlay.Height, Text = "###" });
            var token = app.Begin(root);
            pane.Place(new System.Drawing.Rectangle(0, 0, Width, Height), hasLeftEdge: false);
            var drawn = new List<(string[], string)>();
            foreach (var frame in frames)
            {
                terminal.Terminal.Feed(Encoding.UTF8.GetBytes(frame));
                wire.Clear();
                wire.U16(1);
                if (encoder.Encode(task.Name, terminal, 0, wire))
                    ScreenFrameReader.Apply(wire.WrittenSpan, (_, _) => mirror);
                pane.OnScreenChanged();
                app.LayoutAndDraw();
                drawn.Add((Describe(app.Driver.Contents!), app.Driver.GetOutput().GetLastOutput()));
            }
            app.End(token!);
            return drawn;
        }
        finally
        {
            DriverCells.ThroughTerminalGui = false;
        }
    }

    private static string[] Describe(global::Terminal.Gui.Drawing.Cell[,] cells)
    {
        var described = new List<string>();
        for (var row = 0; row < cells.GetLength(0); row++)
        {
            for (var column = 0; column < cells.GetLength(1); column++)
                described.Add($"'{cells[row, column].Grapheme}' {cells[row, column].Attribute}{(cells[row, column].IsDirty ? " dirty" : "")}");
        }
        return [.. described];
    }
}
