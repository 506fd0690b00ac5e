using System.Globalization;
using FleetTui.Core.Agents;

namespace FleetTui.Core.Tests.Agents;

/// <summary>
/// A recorded agent session: timestamped observations plus the true state over time (<c>expect</c> lines), read from a
/// text file under Recordings/. Format, one directive per line, times in seconds from the start:
/// <code>
/// # comment
/// preset claude
/// @0.0 process alive            (or: process children | process nochildren | exit CODE | killed SIGNAL)
/// @0.1 output 300               (one write of 300 bytes)
/// @0.5-3.0 output 120 every 0.1 (a spinner redrawing)
/// @0.6 screen cursor            (or: screen hidden) followed by the screen lines, each starting with '|'
/// | ╭──────╮
/// @0.7 title ⠋ fix: working     (also: bell, notify TEXT, hook working|waiting|idle|done)
/// @0.7 expect working           (the truth from this time on: starting, working, waiting, idle, exited)
/// </code>
/// </summary>
public sealed record AgentRecording(string Name, string Preset, IReadOnlyList<AgentObservation> Observations, IReadOnlyList<(double At, AgentActivity Truth)> Truth)
{
    public static readonly DateTimeOffset Origin = DateTimeOffset.UnixEpoch;

    public static DateTimeOffset At(double seconds) => Origin + TimeSpan.FromSeconds(seconds);

    public static double Seconds(DateTimeOffset at) => (at - Origin).TotalSeconds;

    /// <summary>The recordings next to this source file (read in place, so adding one needs no project change).</summary>
    public static string Folder { get; } = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Recordings");

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    public static IEnumerable<string> All() => Directory.EnumerateFiles(Folder, "*.rec").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static AgentRecording Load(string name)
    {
        var path = Path.Combine(Folder, name + ".rec");
        var lines = File.ReadAllLines(path);
        var preset = "generic";
        var observations = new List<AgentObservation>();
        var truth = new List<(double, AgentActivity)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("preset ", StringComparison.Ordinal))
            {
                preset = line["preset ".Length..].Trim();
                continue;
            }

            if (!line.StartsWith('@'))
                throw new FormatException($"{path}:{i + 1}: expected '@time directive', got: {line}");
            var space = line.IndexOf(' ');
            var time = line[1..space];
            var rest = line[(space + 1)..];
            var verb = rest.Split(' ', 2)[0];
            var argument = rest.Length > verb.Length ? rest[(verb.Length + 1)..] : "";
            if (time.Contains('-'))
            {
                // @A-B output N every S
                var range = time.Split('-');
                var (from, to) = (Parse(range[0]), Parse(range[1]));
                var words = argument.Split(' ');
                var bytes = int.Parse(words[0], CultureInfo.InvariantCulture);
                var step = Parse(words[2]);
                for (var t = from; t <= to + 1e-9; t += step)
                    observations.Add(new AgentObservation.Output(At(Math.Round(t, 3)), bytes));
                continue;
            }

            var at = At(Parse(time));
            switch (verb)
            {
                case "process":
                    observations.Add(new AgentObservation.Process(at, Alive: true, HasChildren: argument == "children"));
                    break;
                case "exit":
                    observations.Add(new AgentObservation.Process(at, Alive: false, ExitCode: int.Parse(argument, CultureInfo.InvariantCulture)));
                    break;
                case "killed":
                    observations.Add(new AgentObservation.Process(at, Alive: false, Signal: int.Parse(argument, CultureInfo.InvariantCulture)));
                    break;
                case "output":
                    observations.Add(new AgentObservation.Output(at, int.Parse(argument, CultureInfo.InvariantCulture)));
                    break;
                case "title":
                    observations.Add(new AgentObservation.Terminal(at, TerminalSignalKind.Title, argument));
                    break;
                case "bell":
                    observations.Add(new AgentObservation.Terminal(at, TerminalSignalKind.Bell));
                    break;
                case "notify":
                    observations.Add(new AgentObservation.Terminal(at, TerminalSignalKind.Notification, argument));
                    break;
                case "hook":
                    observations.Add(new AgentObservation.Hook(at, Enum.Parse<HookSignal>(argument, ignoreCase: true)));
                    break;
                case "screen":
                    var screen = new List<string>();
                    while (i + 1 < lines.Length && lines[i + 1].StartsWith('|'))
                        screen.Add(lines[++i][1..]);
                    observations.Add(new AgentObservation.Screen(at, screen, CursorVisible: argument == "cursor"));
                    break;
                case "expect":
                    truth.Add((Parse(time), argument switch
                    {
                        "starting" => AgentActivity.Starting,
                        "working" => AgentActivity.Working,
                        "waiting" => AgentActivity.WaitingForInput,
                        "idle" => AgentActivity.Idle,
                        "exited" => AgentActivity.Exited,
                        _ => throw new FormatException($"{path}:{i + 1}: unknown state '{argument}'"),
                    }));
                    break;
                default:
                    throw new FormatException($"{path}:{i + 1}: unknown directive '{verb}'");
            }
        }

        // Stable: observations at the same instant keep file order.
        var ordered = observations.Select((o, index) => (o, index)).OrderBy(p => p.o.At).ThenBy(p => p.index).Select(p => p.o).ToList();
        return new AgentRecording(name, preset, ordered, truth);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The true state at <paramref name="seconds"/>.</summary>
    public AgentActivity TruthAt(double seconds)
    {
        var truth = AgentActivity.NotStarted;
        foreach (var (at, activity) in Truth)
        {
            if (at <= seconds + 1e-9)
                truth = activity;
        }

        return truth;
    }
}
