namespace FleetTui.Core.Config.Starter;

/// <summary>
/// Rust: <c>Cargo.toml</c>. No cache: <c>CARGO_HOME</c> also holds the user's cargo config and tools, and its registry in
/// <c>~/.cargo</c> already serves every worktree; a shared target folder would make parallel tasks wait on its lock.
/// </summary>
public static class RustStack
{
    public static ProjectStack? Detect(string root) => RepositoryFiles.Exists(root, "Cargo.toml")
        ? new ProjectStack
        {
            Name = "Rust",
            Evidence = "Cargo.toml",
            Setup = "cargo fetch",
            Gate = "cargo test",
            Outputs = ["target/"],
        }
        : null;
}
