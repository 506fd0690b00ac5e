using System.CommandLine;
using FleetTui.Core.Config;
using FleetTui.Core.Config.Starter;

namespace FleetTui.Cli;

/// <summary>
/// <c>fleet init</c>: writes a fleet.toml for the repository's own toolchain (base, agent, gate, setup, caches; no tasks) that
/// works as written, followed by the full reference commented out. Never overwrites one.
/// </summary>
public static class InitVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("init",
            "Write a fleet.toml for this repository at its root: the current branch as base, the first of claude, codex, gemini, aider " +
            "found on PATH as agent (else a shell), and a gate, setup command and shared caches for the toolchain found " +
            "(.NET, Node with npm/pnpm/yarn/bun, Python with uv/poetry/pip, Go, Rust). The full reference follows, commented out. " +
            "Refuses to overwrite an existing fleet.toml.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken = default)
    {
        if (await FleetWorkspace.ReadRepositoryAsync(context, "fleet init", cancellationToken) is not { } repository)
            return ExitCodes.NoRepository;
        var root = repository.Root;

        var path = Path.Combine(root, FleetWorkspace.ConfigFileName);
        if (Path.Exists(path))
        {
            context.Error.WriteLine($"fleet init: {path} already exists; not overwriting it.");
            return ExitCodes.Failed;
        }

        var starter = new StarterConfig
        {
            Base = repository.CurrentBranch,
            Agent = StarterAgent.Choose(context.Variable("PATH"), root),
            Stacks = StackDetector.Detect(root),
        };
        var text = StarterConfigText.Render(starter, await ReadReferenceAsync(cancellationToken));
        try
        {
            // What we write must load: a generator bug must never leave a file that stops every verb.
            ConfigLoader.Parse(text, path);
        }
        catch (ConfigException error)
        {
            context.Error.WriteLine($"fleet init: nothing written, the generated file would not load ({error.Message}); please report this.");
            return ExitCodes.Failed;
        }

        // CreateNew: even a file appearing between the check and the write is never overwritten.
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(file))
            await writer.WriteAsync(text.AsMemory(), cancellationToken);

        context.Out.WriteLine($"Wrote {path}");
        context.Out.WriteLine(starter.Stacks.Count == 0
            ? "  toolchain: none found (.NET, Node, Python, Go, Rust); no gate or setup written"
            : $"  toolchain: {string.Join("; ", starter.Stacks.Select(s => $"{s.Name} ({s.Evidence})"))}");
        context.Out.WriteLine($"  base: {starter.Base ?? "(HEAD is detached: none written)"}   agent: {starter.Agent}");
        context.Out.WriteLine($"  gate: {starter.Gate ?? "(none)"}");
        context.Out.WriteLine($"  setup: {starter.Setup ?? "(none)"}");
        foreach (var note in starter.Notes)
            context.Out.WriteLine($"  note: {note}");
        if (await UnignoredOutputsAsync(context, root, starter, cancellationToken) is { Count: > 0 } unignored)
        {
            context.Out.WriteLine($"  note: git does not ignore {string.Join(", ", unignored)}: add {(unignored.Count == 1 ? "it" : "them")} to .gitignore, " +
                                  "or every task's worktree will show the build's output as uncommitted changes");
        }
        context.Out.WriteLine("Next: `fleet new <task>` creates a task's worktree; `fleet` opens the cockpit; `fleet doctor` checks this machine.");
        return ExitCodes.Ok;
    }

    /// <summary>The shipped fleet.toml.example, embedded in the executable: the reference written below the active keys.</summary>
    public static Stream Reference() =>
        typeof(InitVerb).Assembly.GetManifestResourceStream("fleet.toml.example")
        ?? throw new InvalidOperationException("fleet.toml.example is missing from the executable's resources.");

    private static async Task<string> ReadReferenceAsync(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(Reference());
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The toolchains' output folders that git would show as untracked files (git check-ignore exits 1 for those).</summary>
    private static async Task<IReadOnlyList<string>> UnignoredOutputsAsync(CliContext context, string root, StarterConfig starter, CancellationToken cancellationToken)
    {
        var git = FleetWorkspace.GitFor(context);
        var unignored = new List<string>();
        foreach (var output in starter.Stacks.SelectMany(s => s.Outputs).Distinct(StringComparer.Ordinal))
        {
            var result = await git.TryRunAsync(root, ["check-ignore", "--quiet", "--", output], cancellationToken);
            if (result.ExitCode == 1)
                unignored.Add(output);
        }

        return unignored;
    }
}
