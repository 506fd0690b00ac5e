using System.Text;
using BenchmarkDotNet.Attributes;
using FleetTui.Core.Review;

namespace FleetTui.Benchmarks.Review;

/// <summary>
/// Opening the review view on a large diff: parsing 20,000 changed lines (100 files, 100 removed + 100 added lines each,
/// word highlighting pairs included) into the rows the view scrolls through. The view then draws only the rows in view,
/// so this is the whole cost of opening it. Goal: under 200 ms.
/// Run: <c>dotnet run -c Release --project tests/FleetTui.Benchmarks -- --filter '*LargeDiff*'</c>.
/// </summary>
[MemoryDiagnoser]
public class LargeDiffBenchmarks
{
    private string _diff = "";

    [GlobalSetup]
    public void MakeDiff()
    {
        var text = new StringBuilder();
        for (var file = 0; file < 100; file++)
        {
            text.Append($"diff --git a/src/f{file}.cs b/src/f{file}.cs\n--- a/src/f{file}.cs\n+++ b/src/f{file}.cs\n");
            for (var hunk = 0; hunk < 10; hunk++)
            {
                var at = hunk * 40 + 1;
                text.Append($"@@ -{at},13 +{at},13 @@ class C{file}\n");
                text.Append("     // context above\n");
                for (var line = 0; line < 10; line++)
                    text.Append($"-    var total{line} = price * quantity + shipping{line};\n");
                for (var line = 0; line < 10; line++)
                    text.Append($"+    var total{line} = (price + tax) * quantity + shipping{line};\n");
                text.Append("     // context below\n     }\n");
            }
        }
        _diff = text.ToString();
    }

    [Benchmark]
    public int ParseAndRow() => DiffRows.Of(UnifiedDiff.Parse(_diff)).Rows.Count;
}
