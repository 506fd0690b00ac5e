using System.CommandLine;
using System.Text;
using FleetTui.Terminal.Emulation;
using FleetTui.Terminal.Screen;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet replay FILE --cols N --rows M [--scrollback] [--ansi]</c>: feeds a recorded byte stream through the emulator
/// and prints the final screen, one line per row with trailing blanks trimmed (as <c>tmux capture-pane -p</c> does).
/// Our debugging tool and the basis of the golden tests.
/// </summary>
public static class ReplayVerb
{
    private const int ChunkSize = 64 * 1024;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A file of raw terminal output (e.g. recorded with `script`)." };
        var cols = new Option<int>("--cols") { Description = "Screen width in columns.", DefaultValueFactory = _ => 80 };
        var rows = new Option<int>("--rows") { Description = "Screen height in rows.", DefaultValueFactory = _ => 24 };
        var scrollback = new Option<bool>("--scrollback") { Description = "Print the history above the screen first." };
        var ansi = new Option<bool>("--ansi") { Description = "Reproduce colors and attributes with SGR sequences." };
        var command = new Command("replay", "Replay recorded terminal output through the emulator and print the final screen.")
        {
            file, cols, rows, scrollback, ansi,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(file)!,
            parse.GetValue(cols),
            parse.GetValue(rows),
            parse.GetValue(scrollback),
            parse.GetValue(ansi)));
        return command;
    }

    private static int Run(CliContext context, string path, int columns, int rows, bool withScrollback, bool ansi)
    {
        if (columns is < 1 or > 4096 || rows is < 1 or > 4096)
        {
            context.Error.WriteLine($"fleet replay: --cols and --rows must be between 1 and 4096 (got {columns}x{rows})");
            return ExitCodes.Usage;
        }

        var fullPath = Path.GetFullPath(path, context.WorkingDirectory);
        if (!File.Exists(fullPath))
        {
            context.Error.WriteLine($"fleet replay: no such file: {path}");
            return ExitCodes.Failed;
        }

        var terminal = new VirtualTerminal(columns, rows);
        try
        {
            using var stream = File.OpenRead(fullPath);
            var buffer = new byte[ChunkSize];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                terminal.Feed(buffer.AsSpan(0, read));
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"fleet replay: cannot read {path}: {e.Message}");
            return ExitCodes.Failed;
        }

        context.Out.Write(Render(terminal.Screen, withScrollback, ansi));
        return ExitCodes.Ok;
    }

    /// <summary>The screen (and optionally its history) as text, each row ending with a newline.</summary>
    public static string Render(ScreenBuffer screen, bool withScrollback, bool ansi)
    {
        var sb = new StringBuilder();
        var first = withScrollback ? -screen.Scrollback.Count : 0;
        for (var row = first; row < screen.Rows; row++)
        {
            var line = screen.GetLine(row);
            if (ansi)
                LineText.AppendAnsi(sb, screen, line);
            else
                LineText.AppendPlain(sb, screen, line);
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
