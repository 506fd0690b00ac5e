using CsCheck;
using FleetTui.Core.Merging;
using Shouldly;
using Xunit;

namespace FleetTui.Core.Tests.Merging;

public class DependencyGraphPropertyTests
{
    /// <summary>A random DAG: node i may only need nodes of a lower rank, where ranks are a shuffle of the file order.</summary>
    private static readonly Gen<(int[] Rank, bool[][] Needs)> RandomDag =
        Gen.Int[1, 25].SelectMany(n =>
            Gen.Shuffle(Enumerable.Range(0, n).ToArray()).SelectMany(rank =>
                Gen.Bool.Array[n].Array[n].Select(needs => (rank, needs))));

    private static DependencyNode[] Nodes(int[] rank, bool[][] needs) =>
        Enumerable.Range(0, rank.Length)
            .Select(i => new DependencyNode($"t{i}", Enumerable.Range(0, rank.Length).Where(j => needs[i][j] && rank[j] < rank[i]).Select(j => $"t{j}").ToArray()))
            .ToArray();

    [Fact]
    public void Every_task_comes_after_its_dependencies_in_an_acyclic_graph()
    {
        RandomDag.Sample(dag =>
        {
            var nodes = Nodes(dag.Rank, dag.Needs);
            var graph = new DependencyGraph(nodes);
            var order = graph.TopologicalOrder();
            var position = order.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);

            graph.FindCycle().ShouldBeNull();
            order.Order().ShouldBe(nodes.Select(n => n.Name).Order());
            foreach (var node in nodes)
            {
                foreach (var prerequisite in node.Prerequisites)
                    position[prerequisite].ShouldBeLessThan(position[node.Name]);
            }
        });
    }

    [Fact]
    public void A_found_cycle_is_made_of_real_edges_and_closes_on_itself()
    {
        RandomDag.Select(Gen.Int[0, 24], Gen.Int[0, 24], (dag, a, b) => (dag, a, b)).Sample(sample =>
        {
            var (dag, a, b) = sample;
            var n = dag.Rank.Length;
            var nodes = Nodes(dag.Rank, dag.Needs);
            // Add one edge from a lower-ranked node to a higher-ranked one: it may close a cycle.
            var (low, high) = dag.Rank[a % n] <= dag.Rank[b % n] ? (a % n, b % n) : (b % n, a % n);
            nodes[low] = nodes[low] with { Prerequisites = [.. nodes[low].Prerequisites, $"t{high}"] };
            var graph = new DependencyGraph(nodes);

            if (graph.FindCycle() is { } cycle)
            {
                cycle[0].ShouldBe(cycle[^1]);
                for (var i = 0; i + 1 < cycle.Count; i++)
                    graph.DependenciesOf(cycle[i]).ShouldContain(cycle[i + 1]);
                Should.Throw<InvalidOperationException>(() => graph.TopologicalOrder());
            }
            else
            {
                graph.TopologicalOrder().Count.ShouldBe(n);
            }
        });
    }
}
