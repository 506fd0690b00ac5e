using System.Text.Json;

namespace FleetTui.Core.Config.Starter;

/// <summary>
/// Node: <c>package.json</c>. The package manager is the one its <c>packageManager</c> field names, else the one whose lockfile
/// is there, else npm. Setup installs from the lockfile without rewriting it (a rewritten lockfile would leave every new
/// worktree with uncommitted changes); the gate is the package's own <c>test</c> script when it has a real one.
/// </summary>
public static class NodeStack
{
    /// <summary>What <c>npm init</c> writes as the test script: a placeholder that always fails.</summary>
    private const string NpmPlaceholderTest = "echo \"Error: no test specified\" && exit 1";

    private static readonly (string File, NodePackageManager Manager)[] Lockfiles =
    [
        ("pnpm-lock.yaml", NodePackageManager.Pnpm),
        ("yarn.lock", NodePackageManager.YarnClassic),
        ("bun.lock", NodePackageManager.Bun),
        ("bun.lockb", NodePackageManager.Bun),
        ("package-lock.json", NodePackageManager.Npm),
        ("npm-shrinkwrap.json", NodePackageManager.Npm),
    ];

    public static ProjectStack? Detect(string root)
    {
        if (RepositoryFiles.Text(root, "package.json") is not { } text)
            return null;
        var notes = new List<string>();
        var (declared, testScript) = ReadPackage(text, notes);
        var lockfiles = Lockfiles.Where(l => RepositoryFiles.Exists(root, l.File)).ToList();
        var manager = declared ?? (lockfiles.Count > 0 ? lockfiles[0].Manager : NodePackageManager.Npm);
        // yarn 2+ is configured by .yarnrc.yml; yarn 1 never reads it.
        if (manager == NodePackageManager.YarnClassic && declared is null && RepositoryFiles.Exists(root, ".yarnrc.yml"))
            manager = NodePackageManager.YarnBerry;
        var lockfile = lockfiles.FirstOrDefault(l => SameFamily(l.Manager, manager)).File;
        if (lockfiles.Select(l => l.Manager).Distinct().Count() > 1)
            notes.Add($"Node: lockfiles of several package managers ({string.Join(", ", lockfiles.Select(l => l.File))}); using {Name(manager)}");

        var gate = testScript is { Length: > 0 } && testScript.Trim() != NpmPlaceholderTest ? TestCommand(manager) : null;
        if (gate is null)
            notes.Add("Node: package.json has no test script, so no gate; add one (\"scripts\": { \"test\": ... }) or set gate");
        var caches = Cache(manager) is { } cache ? new Dictionary<string, string> { [cache.Variable] = SharedCache.Folder(cache.Folder) } : [];
        if (caches.Count == 0)
            notes.Add($"Node: {Name(manager)} already keeps one store for every worktree and remembers where, so no cache is set");
        return new ProjectStack
        {
            Name = $"Node with {Name(manager)}",
            Evidence = lockfile is null ? "package.json" : $"package.json, {lockfile}",
            Setup = InstallCommand(manager, hasLockfile: lockfile is not null),
            Gate = gate,
            Caches = caches,
            Notes = notes,
            Outputs = ["node_modules/"],
        };
    }

    private static (NodePackageManager? Declared, string? TestScript) ReadPackage(string text, List<string> notes)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new JsonException("not a JSON object");
            var declared = root.TryGetProperty("packageManager", out var pm) && pm.ValueKind == JsonValueKind.String ? Declared(pm.GetString()!) : null;
            var test = root.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object
                       && scripts.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            return (declared, test);
        }
        catch (JsonException e)
        {
            notes.Add($"Node: package.json is not valid JSON ({e.Message}); fix it before the setup runs");
            return (null, null);
        }
    }

    /// <summary>Corepack's <c>"packageManager": "pnpm@9.1.0"</c>.</summary>
    private static NodePackageManager? Declared(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var (name, version) = at < 0 ? (value, "") : (value[..at], value[(at + 1)..]);
        return name switch
        {
            "npm" => NodePackageManager.Npm,
            "pnpm" => NodePackageManager.Pnpm,
            "yarn" => version.StartsWith("1.", StringComparison.Ordinal) || version.Length == 0 ? NodePackageManager.YarnClassic : NodePackageManager.YarnBerry,
            "bun" => NodePackageManager.Bun,
            _ => null,
        };
    }

    private static bool SameFamily(NodePackageManager a, NodePackageManager b) =>
        a == b || (a is NodePackageManager.YarnClassic or NodePackageManager.YarnBerry && b is NodePackageManager.YarnClassic or NodePackageManager.YarnBerry);

    public static string Name(NodePackageManager manager) => manager switch
    {
        NodePackageManager.Npm => "npm",
        NodePackageManager.Pnpm => "pnpm",
        NodePackageManager.YarnClassic => "yarn 1",
        NodePackageManager.YarnBerry => "yarn",
        NodePackageManager.Bun => "bun",
        _ => throw new ArgumentOutOfRangeException(nameof(manager)),
    };

    private static string InstallCommand(NodePackageManager manager, bool hasLockfile) => (manager, hasLockfile) switch
    {
        (NodePackageManager.Npm, true) => "npm ci",
        (NodePackageManager.Npm, false) => "npm install --no-package-lock",
        (NodePackageManager.Pnpm, true) => "pnpm install --frozen-lockfile",
        (NodePackageManager.Pnpm, false) => "pnpm install --no-lockfile",
        (NodePackageManager.YarnClassic, true) => "yarn install --frozen-lockfile",
        (NodePackageManager.YarnClassic, false) => "yarn install --no-lockfile",
        (NodePackageManager.YarnBerry, true) => "yarn install --immutable",
        (NodePackageManager.YarnBerry, false) => "yarn install",
        (NodePackageManager.Bun, true) => "bun install --frozen-lockfile",
        (NodePackageManager.Bun, false) => "bun install --no-save",
        _ => throw new ArgumentOutOfRangeException(nameof(manager)),
    };

    private static string TestCommand(NodePackageManager manager) => manager switch
    {
        NodePackageManager.Npm => "npm test",
        NodePackageManager.Pnpm => "pnpm test",
        NodePackageManager.YarnClassic or NodePackageManager.YarnBerry => "yarn test",
        // `bun test` is bun's own test runner; the package's script is `bun run test`.
        NodePackageManager.Bun => "bun run test",
        _ => throw new ArgumentOutOfRangeException(nameof(manager)),
    };

    /// <summary>
    /// Only caches that may differ between setup and later installs: pnpm's store and yarn 2's cache are recorded in what
    /// they install, so an agent's later install without our variable would fail or re-link everything.
    /// </summary>
    private static (string Variable, string Folder)? Cache(NodePackageManager manager) => manager switch
    {
        NodePackageManager.Npm => ("npm_config_cache", "npm"),
        NodePackageManager.YarnClassic => ("YARN_CACHE_FOLDER", "yarn"),
        NodePackageManager.Bun => ("BUN_INSTALL_CACHE_DIR", "bun"),
        _ => null,
    };
}
