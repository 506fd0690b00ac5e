namespace FleetTui.Core.Config.Starter;

/// <summary>
/// Python: <c>pyproject.toml</c> or <c>requirements.txt</c>, driven by uv when <c>uv.lock</c> is there, by poetry when
/// <c>poetry.lock</c> or <c>[tool.poetry]</c> is, else by pip in a <c>.venv</c> of the worktree. The gate is pytest, only when the
/// files that setup installs from name it.
/// </summary>
public static class PythonStack
{
    public static ProjectStack? Detect(string root)
    {
        var pyproject = RepositoryFiles.Text(root, "pyproject.toml");
        var requirements = new[] { "requirements.txt", "requirements-dev.txt" }.Where(f => RepositoryFiles.Exists(root, f)).ToList();
        if (pyproject is null && !requirements.Contains("requirements.txt"))
            return null;

        if (RepositoryFiles.Exists(root, "uv.lock"))
        {
            return new ProjectStack
            {
                Name = "Python with uv",
                Evidence = "pyproject.toml, uv.lock",
                // --frozen: install exactly the lockfile and never rewrite it (a rewritten uv.lock would make every worktree dirty).
                Setup = "uv sync --frozen",
                Gate = NamesPytest(pyproject) ? "uv run --frozen pytest" : null,
                Caches = new Dictionary<string, string> { ["UV_CACHE_DIR"] = SharedCache.Folder("uv") },
                Notes = NamesPytest(pyproject) ? [] : [NoPytest],
            };
        }

        if (pyproject is not null && (RepositoryFiles.Exists(root, "poetry.lock") || pyproject.Contains("[tool.poetry", StringComparison.Ordinal)))
        {
            return new ProjectStack
            {
                Name = "Python with poetry",
                Evidence = RepositoryFiles.Exists(root, "poetry.lock") ? "pyproject.toml, poetry.lock" : "pyproject.toml ([tool.poetry])",
                Setup = "poetry install",
                Gate = NamesPytest(pyproject) ? "poetry run pytest" : null,
                // Poetry keeps each project's virtualenv in its cache folder: one only setup saw would be missing for the gate.
                Notes = [.. NamesPytest(pyproject) ? Array.Empty<string>() : [NoPytest],
                    "Python: poetry keeps virtualenvs in its cache folder, which the gate and the agent must see too, so no cache is set"],
            };
        }

        return Pip(root, pyproject, requirements);
    }

    private const string NoPytest = "Python: pytest is not named in the files setup installs from, so no gate; set gate to your test command";

    private static ProjectStack Pip(string root, string? pyproject, IReadOnlyList<string> requirements)
    {
        var sources = requirements.Select(r => "-r " + r).ToList();
        // An installable project (a [project] table) goes in editable, so the worktree's own code is what runs.
        if (pyproject is not null && pyproject.Contains("[project]", StringComparison.Ordinal))
            sources.Add("-e .");
        var installedText = string.Concat(requirements.Select(r => RepositoryFiles.Text(root, r)));
        var pytest = installedText.Contains("pytest", StringComparison.OrdinalIgnoreCase);
        var notes = new List<string>();
        if (sources.Count > 0 && !pytest)
            notes.Add(NoPytest);
        if (sources.Count == 0)
            notes.Add("Python: pyproject.toml has no [project] table and there is no requirements.txt, so nothing to install; set [setup] run and gate");
        return new ProjectStack
        {
            Name = "Python with pip",
            Evidence = string.Join(", ", (pyproject is null ? Array.Empty<string>() : ["pyproject.toml"]).Concat(requirements)),
            // A virtualenv per worktree; the '*' .gitignore inside it (as uv and Python 3.13 write) keeps it out of git status.
            Setup = sources.Count == 0 ? null : $"python3 -m venv .venv && printf '*\\n' > .venv/.gitignore && .venv/bin/python -m pip install {string.Join(' ', sources)}",
            Gate = sources.Count > 0 && pytest ? ".venv/bin/python -m pytest" : null,
            Caches = sources.Count == 0 ? [] : new Dictionary<string, string> { ["PIP_CACHE_DIR"] = SharedCache.Folder("pip") },
            Notes = notes,
        };
    }

    private static bool NamesPytest(string? pyproject) => pyproject?.Contains("pytest", StringComparison.OrdinalIgnoreCase) == true;
}
