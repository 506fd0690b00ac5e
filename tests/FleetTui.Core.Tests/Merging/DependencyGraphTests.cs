using FleetTui.Core.Config;
using FleetTui.Core.Merging;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public class DependencyGraphTests
{
    private static DependencyGraph Graph(params (string Name, string[] Needs)[] nodes) =>
        new(nodes.Select(n => new DependencyNode(n.Name, n.Needs)));

    private static TaskConfig Task(string name, string? @base = null, params string[] dependsOn) =>
        new() { Name = name, Branch = $"fleet/{name}", Base = @base, DependsOn = dependsOn };

    [Fact]
    public void Independent_tasks_keep_file_order()
    {
        var graph = Graph(("c", []), ("a", []), ("b", []));

        graph.TopologicalOrder().ShouldBe(["c", "a", "b"]);
    }

    [Fact]
    public void A_task_comes_after_everything_it_depends_on()
    {
        var graph = Graph(("ui", ["api"]), ("api", ["db"]), ("db", []));

        graph.TopologicalOrder().ShouldBe(["db", "api", "ui"]);
    }

    [Fact]
    public void Ties_among_ready_tasks_are_broken_by_file_order_not_by_readiness()
    {
        // "late" becomes ready only after "first" merges, but it is earlier in the file than "other".
        var graph = Graph(("late", ["first"]), ("first", []), ("other", []));

        graph.TopologicalOrder().ShouldBe(["first", "late", "other"]);
    }

    [Fact]
    public void A_stacked_task_merges_after_the_task_it_stacks_on()
    {
        var graph = DependencyGraph.FromTasks([Task("top", @base: "bottom"), Task("bottom")]);

        graph.DependenciesOf("top").ShouldBe(["bottom"]);
        graph.TopologicalOrder().ShouldBe(["bottom", "top"]);
    }

    [Fact]
    public void A_base_that_is_a_branch_adds_no_edge()
    {
        var graph = DependencyGraph.FromTasks([Task("a", @base: "develop"), Task("develop-docs")]);

        graph.DependenciesOf("a").ShouldBeEmpty();
    }

    [Fact]
    public void A_base_task_also_listed_in_depends_on_counts_once()
    {
        var graph = DependencyGraph.FromTasks([Task("b"), Task("a", "b", "b")]);

        graph.DependenciesOf("a").ShouldBe(["b"]);
        graph.DependentsOf("b").ShouldBe(["a"]);
    }

    [Fact]
    public void Finds_a_cycle_as_the_closed_path()
    {
        var graph = Graph(("a", ["b"]), ("b", ["c"]), ("c", ["a"]), ("d", []));

        graph.FindCycle().ShouldBe(["a", "b", "c", "a"]);
    }

    [Fact]
    public void Names_only_the_tasks_on_the_cycle_not_the_path_leading_to_it()
    {
        var graph = Graph(("entry", ["x"]), ("x", ["y"]), ("y", ["x"]));

        graph.FindCycle().ShouldBe(["x", "y", "x"]);
    }

    [Fact]
    public void A_task_that_needs_itself_is_a_cycle_of_one()
    {
        Graph(("a", ["a"])).FindCycle().ShouldBe(["a", "a"]);
    }

    [Fact]
    public void An_acyclic_graph_has_no_cycle()
    {
        Graph(("a", ["b", "c"]), ("b", ["c"]), ("c", [])).FindCycle().ShouldBeNull();
    }

    [Fact]
    public void Topological_order_of_a_cyclic_graph_fails_naming_the_cycle()
    {
        var graph = Graph(("a", ["b"]), ("b", ["a"]));

        Should.Throw<InvalidOperationException>(() => graph.TopologicalOrder()).Message.ShouldBe("dependency cycle: a -> b -> a");
    }

    [Fact]
    public void Dependents_are_listed_in_file_order()
    {
        var graph = Graph(("z", ["core"]), ("core", []), ("a", ["core"]), ("m", ["z"]));

        graph.DependentsOf("core").ShouldBe(["z", "a"]);
        graph.DependenciesOf("m").ShouldBe(["z"]);
        graph.DependentsOf("m").ShouldBeEmpty();
    }

    [Fact]
    public void Transitive_dependents_are_everything_downstream_in_merge_order()
    {
        var graph = Graph(("ui", ["api"]), ("api", ["db"]), ("db", []), ("docs", []), ("e2e", ["ui", "db"]));

        graph.TransitiveDependentsOf("db").ShouldBe(["api", "ui", "e2e"]);
        graph.TransitiveDependentsOf("docs").ShouldBeEmpty();
        graph.TransitiveDependenciesOf("e2e").ShouldBe(["db", "api", "ui"]);
    }

    [Fact]
    public void Refuses_an_edge_to_an_unknown_task()
    {
        Should.Throw<ArgumentException>(() => Graph(("a", ["ghost"]))).Message.ShouldContain("unknown task 'ghost'");
    }

    [Fact]
    public void Refuses_a_duplicate_task()
    {
        Should.Throw<ArgumentException>(() => Graph(("a", []), ("a", [])));
    }

    [Fact]
    public void Asking_about_an_unknown_task_fails_clearly()
    {
        Should.Throw<KeyNotFoundException>(() => Graph(("a", [])).DependentsOf("b")).Message.ShouldBe("no task named 'b'");
    }
}
