using FleetTui.Core.Review;
using FleetTui.Core.Session;
using FleetTui.Ui.Review;
using FleetTui.Ui.Views;
using Shouldly;
using Xunit;

namespace FleetTui.Tests.Ui.Review;

public class ReviewControllerTests
{
    private const string TwoFiles = """
        diff --git a/src/pricing.sh b/src/pricing.sh
        --- a/src/pricing.sh
        +++ b/src/pricing.sh
        @@ -3,3 +3,3 @@ price() {
           base=$1
        -  echo "$base"
        +  echo $((base + base * VAT))
         }
        @@ -20,2 +20,3 @@
         tail
        +more
         end
        diff --git a/README.md b/README.md
        new file mode 100644
        --- /dev/null
        +++ b/README.md
        @@ -0,0 +1,2 @@
        +# Shop
        +Prices in cents.

        """;

    private readonly List<(ReviewVerdict Verdict, IReadOnlyList<ReviewComment> Comments, string? Note, bool Merge)> _sent = [];

    private ReviewController Controller(out ReviewModel model)
    {
        model = new ReviewModel("vat", new TaskDiffText("fleet/vat", "main", "0123456789abcdef", TwoFiles),
            new ReviewContext("passed (run 2)", null, ["docs/x.md"], ["conflicts with discounts in src/pricing.sh"]));
        return new ReviewController(model, (verdict, comments, note, merge) =>
        {
            _sent.Add((verdict, comments, note, merge));
            return Task.FromResult(CommandResult.Ok("ok"));
        }, action => action());
    }

    private static void Keys(ReviewController controller, params string[] chords)
    {
        foreach (var chord in chords)
            controller.Key(chord, chord.Length == 1 ? chord : null, 20).ShouldBeTrue();
    }

    private static void Type(ReviewController controller, string text)
    {
        foreach (var c in text)
            controller.Key(c == ' ' ? "space" : c.ToString(), c.ToString(), 20);
    }

    [Fact]
    public void Files_and_hunks_are_one_key_apart_and_search_finds_text_in_any_file()
    {
        var controller = Controller(out var model);

        Keys(controller, "}");
        model.Rows.Rows[model.Cursor].Kind.ShouldBe(DiffRowKind.Hunk);
        Keys(controller, "}");
        model.Rows.TextOf(model.Rows.Rows[model.Cursor]).ShouldStartWith("@@ -20,2");
        Keys(controller, "]");
        model.Rows.TextOf(model.Rows.Rows[model.Cursor]).ShouldBe("README.md");
        Keys(controller, "[");
        model.Cursor.ShouldBe(0);

        Keys(controller, "/");
        Type(controller, "cents");
        controller.Key("enter", null, 20);
        model.Rows.TextOf(model.Rows.Rows[model.Cursor]).ShouldBe("Prices in cents.");
        Keys(controller, "n");
        model.Rows.TextOf(model.Rows.Rows[model.Cursor]).ShouldBe("Prices in cents.");
        Keys(controller, "/");
        Type(controller, "nowhere");
        controller.Key("enter", null, 20);
        model.Message.ShouldBe("no match for \"nowhere\"");
    }

    [Fact]
    public void A_comment_is_written_on_a_line_edited_and_sent_with_its_file_and_line_number()
    {
        var controller = Controller(out var model);
        Keys(controller, "j", "j", "j", "j"); // the added line: new line 4
        model.CursorPlace.ShouldBe(("src/pricing.sh", 4));

        Keys(controller, "c");
        Type(controller, "use integer cents");
        controller.Key("enter", null, 20);
        Keys(controller, "c");
        controller.InputLine!.ShouldContain("use integer cents");
        Type(controller, " here");
        controller.Key("enter", null, 20);
        Keys(controller, "s");

        _sent.Single().Verdict.ShouldBe(ReviewVerdict.Changes);
        _sent.Single().Comments.ShouldBe([new ReviewComment("src/pricing.sh", 4, "use integer cents here")]);
        model.Comments.ShouldBeEmpty("sent comments are not sent twice");
        model.Message.ShouldBe("sent 1 comment to vat's agent");
    }

    [Fact]
    public void Approve_reject_and_an_empty_send_each_say_what_happened()
    {
        var controller = Controller(out var model);

        Keys(controller, "s");
        model.Message.ShouldNotBeNull().ShouldContain("no comments to send");
        _sent.ShouldBeEmpty();

        Keys(controller, "x");
        Type(controller, "it ignores members");
        controller.Key("enter", null, 20);
        Keys(controller, "A");

        _sent.Select(s => (s.Verdict, s.Note, s.Merge)).ShouldBe([(ReviewVerdict.Rejected, "it ignores members", false), (ReviewVerdict.Approved, null, true)]);
        controller.Key("q", "q", 20).ShouldBeFalse();
    }

    [Fact]
    public void The_view_draws_only_the_rows_in_view_with_the_changed_words_marked()
    {
        var controller = Controller(out var model);

        var lines = ReviewPresenter.Lines(model, 100, 12, controller.InputLine);

        lines.Count.ShouldBe(12);
        lines[0].Text.ShouldContain("Review vat · fleet/vat against main · 2 files +4 −1");
        lines[1].Text.ShouldContain("outside its scope: docs/x.md");
        var added = lines.Single(l => l.Text.Contains("echo $((base"));
        var marked = string.Concat(added.Runs.Where(r => r.Role == TextRole.Selected).Select(r => r.Text));
        marked.ShouldContain("VAT");
        marked.ShouldNotContain("echo", Case.Sensitive, "the words both lines share are not marked");
        lines[^1].Text.ShouldContain("a approve");
    }
}
