using System.Text;
using FleetTui.Terminal.Emulation;

namespace FleetTui.Terminal.Tests.Golden;

/// <summary>A recorded stream (fixtures/NAME.in) and the screen tmux showed for it (fixtures/NAME.text), at 100x30.</summary>
public sealed record GoldenFixture(string Name)
{
    public const int Columns = 100;
    public const int Rows = 30;

    public static string Folder { get; } = FindFolder();

    public static IEnumerable<object[]> All() =>
        Directory.GetFiles(Folder, "*.in").Select(p => Path.GetFileNameWithoutExtension(p)).Order().Select(n => new object[] { n });

    public string InputPath => Path.Combine(Folder, Name + ".in");

    public byte[] Input => File.ReadAllBytes(InputPath);

    public string[] ExpectedRows => File.ReadAllText(Path.Combine(Folder, Name + ".text"), Encoding.UTF8).TrimEnd('\n').Split('\n');

    /// <summary>Our screen for the fixture, fed in uneven chunks (as a PTY would deliver it).</summary>
    public string[] ReplayRows((int Columns, int Rows)? resizeAfter = null)
    {
        var terminal = new VirtualTerminal(Columns, Rows);
        var input = Input;
        var offset = 0;
        var chunk = 1;
        while (offset < input.Length)
        {
            var n = Math.Min(chunk, input.Length - offset);
            terminal.Feed(input.AsSpan(offset, n));
            offset += n;
            chunk = chunk * 7 % 4093 + 1;
        }

        if (resizeAfter is { } size)
            terminal.Resize(size.Columns, size.Rows);
        var rows = new string[terminal.Screen.Rows];
        for (var r = 0; r < rows.Length; r++)
            rows[r] = terminal.Screen.GetRowText(r);
        return rows;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FleetTui.Terminal.Tests", "Golden", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("Golden fixtures folder not found above " + AppContext.BaseDirectory);
    }
}
