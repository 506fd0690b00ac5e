namespace FleetTui.Core.Config.Starter;

/// <summary>Every toolchain found at a repository's root, in a fixed order (a repository may hold several: a .NET API and a Node UI).</summary>
public static class StackDetector
{
    public static IReadOnlyList<ProjectStack> Detect(string root) =>
        new[] { DotnetStack.Detect(root), NodeStack.Detect(root), PythonStack.Detect(root), GoStack.Detect(root), RustStack.Detect(root) }
            .OfType<ProjectStack>()
            .ToList();
}
