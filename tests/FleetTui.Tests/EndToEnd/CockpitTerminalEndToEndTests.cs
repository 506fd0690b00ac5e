using System.Text.RegularExpressions;
using FleetTui.Demo;
using FleetTui.Tests.Demo;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.EndToEnd;

/// <summary>Issue 12 in the real <c>fleet</c> under tmux: any terminal (colour depth, locale, TERM), and repaints after a resize.</summary>
[Collection(CockpitEndToEndCollection.Name)]
public partial class CockpitTerminalEndToEndTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(40);

    // The agent prints a 24-bit colour and a 256-colour: they must come out at the terminal's depth.
    private static Task<string> ShellFleetAsync(IsolatedGit git) =>
        ShellFleets.TwoTasksAsync(git, """["sh", "-c", "printf '\\033[38;2;201;206;216mtruecolour-text\\033[0m \\033[38;5;208mcube-text\\033[0m\\n'; exec sh"]""");

    private static Dictionary<string, string> Environment(IsolatedGit git, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(git.Environment) { ["SHELL"] = "/bin/sh", ["PS1"] = "$ ", ["LANG"] = "C.UTF-8" };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return environment;
    }

    private static async Task<string> OpenAndCaptureAsync(IsolatedGit git, string repo, params (string Name, string Value)[] environment)
    {
        await using var tmux = new CockpitTmux();
        // Through env: tmux sets a pane's TERM from its default-terminal option, whatever new-session -e says.
        await tmux.StartAsync(repo, Environment(git), ["env", .. environment.Select(v => $"{v.Name}={v.Value}"), .. FleetExecutable.Argv()]);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => Regex.Matches(s, "cube-text").Count == 2 && s.Contains("NORMAL"), "both agents' colours on screen", Slow);
        var escaped = await tmux.CaptureEscapedAsync();
        await tmux.SendKeysAsync("C-g", "d"); // detach: the next run attaches to the same host
        await Eventually.HoldsAsync(tmux.IsDeadAsync, dead => dead, "fleet to detach", Slow);
        return escaped;
    }

    [Fact]
    public async Task Colours_come_out_at_the_terminals_depth_and_ascii_outside_utf8()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);

        // xterm: 16 colours. No 24-bit or 256-colour sequence at all, theme and program colours alike.
        var sixteen = await OpenAndCaptureAsync(git, repo, ("TERM", "xterm"));
        sixteen.ShouldNotContain("38;2;");
        sixteen.ShouldNotContain("48;2;");
        sixteen.ShouldNotContain("38;5;");
        sixteen.ShouldNotContain("48;5;");
        // The program's light grey is white (37), not yellow (33/93) as Terminal.Gui's own mapping had it.
        Regex.IsMatch(sixteen, @"\e\[(?:[0-9;]*;)?37(?:;[0-9;]*)?mtruecolour-text").ShouldBeTrue(Snippet(sixteen, "truecolour-text"));

        // xterm-256color: palette indexes, never 24-bit.
        var palette = await OpenAndCaptureAsync(git, repo, ("TERM", "xterm-256color"));
        palette.ShouldNotContain("38;2;");
        palette.ShouldNotContain("48;2;");
        palette.ShouldContain("38;5;");

        // COLORTERM=truecolor: 24-bit.
        var truecolor = await OpenAndCaptureAsync(git, repo, ("TERM", "xterm-256color"), ("COLORTERM", "truecolor"));
        truecolor.ShouldContain("38;2;201;206;216");

        // LC_ALL=C: the chrome is ASCII.
        var ascii = await OpenAndCaptureAsync(git, repo, ("TERM", "xterm-256color"), ("LC_ALL", "C"));
        var text = Regex.Replace(ascii, @"\e\[[0-9;?]*[A-Za-z]", "");
        text.ShouldContain("1 api - fleet/api");
        text.ShouldContain("NORMAL | api");
        text.Where(c => c >= 0x80).ShouldBeEmpty(text);
    }

    private static string Snippet(string text, string around)
    {
        var at = text.IndexOf(around, StringComparison.Ordinal);
        return at < 0 ? text : text[Math.Max(0, at - 60)..Math.Min(text.Length, at + 40)].Replace("\e", "ESC");
    }

    [Fact]
    public async Task Without_a_usable_term_the_cockpit_refuses_with_one_line_and_exit_2()
    {
        using var git = new IsolatedGit();
        var repo = await ShellFleetAsync(git);

        foreach (var argv in new[] { (IReadOnlyList<string>)["env", "TERM=dumb", .. FleetExecutable.Argv()], ["env", "-u", "TERM", .. FleetExecutable.Argv()] })
        {
            var result = await DemoCommand.RunAsync(argv, repo, git.Environment);
            result.ExitCode.ShouldBe(2, result.Output);
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(1, result.Output);
            lines[0].ShouldStartWith("fleet: the cockpit needs a terminal that can move its cursor");
            Directory.Exists(git.HostFolder).ShouldBeFalse("no fleet host was started");
        }
    }

    [Fact]
    public async Task After_a_resize_while_the_demo_agents_wait_every_border_and_separator_of_the_new_layout_is_drawn()
    {
        using var git = new IsolatedGit();
        await using var tmux = new CockpitTmux();
        await tmux.StartAsync(git.Root, Environment(git, ("TERM", "xterm-256color")), [.. FleetExecutable.Argv(), "demo", "--dir", Path.Combine(git.Root, "demo")]);
        await Eventually.HoldsAsync(tmux.CaptureAsync, s => s.Contains("waiting for input"), "a demo agent waiting", TimeSpan.FromSeconds(90));

        foreach (var (width, height) in new[] { (120, 35), (90, 28), (160, 48), (70, 20) })
        {
            await tmux.ResizeAsync(width, height);
            // Laid out for the new size: the sidebar's separator where its width puts it, the status bar across the width.
            var sidebar = Math.Clamp(width / 5, 24, 36);
            bool LaidOut(string s) => Rows(s) is { } rows && rows.Count == height && rows[^1].Contains("NORMAL │")
                && rows[1].Length > sidebar && rows[1][sidebar] == '│' && rows[^1].TrimEnd().Length == width - 1;
            var resized = await SettledAsync(tmux, LaidOut, $"the cockpit laid out at {width}x{height}");
            // What a full redraw (zoom in and out again) paints is what the resize must have painted already.
            // Each toggle is awaited: a capture between them (zoomed, yet laid out) would be taken for the redraw.
            await tmux.SendKeysAsync("C-g", "z");
            await Eventually.HoldsAsync(tmux.CaptureAsync, s => LaidOut(s) && PaneTitles(s) == 1, "zoomed", Slow);
            await tmux.SendKeysAsync("C-g", "z");
            var redrawn = await SettledAsync(tmux, s => LaidOut(s) && PaneTitles(s) > 1, "the full redraw");
            Structure(resized).ShouldBe(Structure(redrawn), $"at {width}x{height}, after the resize:\n{resized}\n\nafter a full redraw:\n{redrawn}");
        }
    }

    /// <summary>
    /// A capture that holds <paramref name="condition"/> and whose <see cref="Structure"/> three captures in a row agree on:
    /// tmux may be read half way through a frame the cockpit is writing (the agents keep animating, so whole screens never
    /// settle; their layout does).
    /// </summary>
    private static async Task<string> SettledAsync(CockpitTmux tmux, Func<string, bool> condition, string what)
    {
        var same = 0;
        string? last = null;
        return await Eventually.HoldsAsync(tmux.CaptureAsync, screen =>
        {
            var structure = Structure(screen);
            same = structure == last && condition(screen) ? same + 1 : 0;
            last = structure;
            return same >= 2;
        }, what, Slow);
    }

    /// <summary>Pane titles on the top row (" 1 catalog · fle…", cut on narrow screens): one when zoomed.</summary>
    private static int PaneTitles(string screen) => Regex.Matches(Rows(screen)[0], @" \d \w+ ·").Count;

    private static List<string> Rows(string screen) => [.. screen.TrimEnd('\n').Split('\n')];

    /// <summary>
    /// The layout's skeleton: each row's pane titles (" N task · fleet/task" and where), the sidebar header, and under each
    /// band of titles whether each pane's separator column holds its '│' (pane contents, which may draw boxes, are left out).
    /// </summary>
    private static string Structure(string screen)
    {
        var skeleton = new List<string>();
        var columns = new List<int>();
        foreach (var row in Rows(screen))
        {
            var titles = Regex.Matches(row, @" \d (\w+) ·").ToList();
            if (titles.Count > 0)
                columns = [.. titles.Select(m => m.Index).Where(c => c > 0)];
            var header = row.Contains("Tasks (") ? $"tasks@{row.IndexOf("Tasks (", StringComparison.Ordinal)}" : "";
            var separators = titles.Count > 0 ? "" : string.Concat(columns.Select(c => c < row.Length && row[c] == '│' ? '│' : '.'));
            skeleton.Add($"{string.Join(",", titles.Select(m => $"{m.Index}:{m.Groups[1].Value}"))} {header} {separators}".Trim());
        }
        return string.Join("\n", skeleton);
    }
}
