namespace FleetTui.Demo;

/// <summary>
/// The scripts of the demo agents, one per <see cref="DemoFleet"/> task. Each takes about 12-15 s at speed 1 and asks for
/// approval once. <c>pricing</c> and <c>discounts</c> rewrite the same line of <c>unit_price</c> in different ways: the conflict.
/// <c>checkout</c> runs on the base after <c>catalog</c> and <c>pricing</c> merged: its tests use cheese, coffee and VAT.
/// </summary>
public static class DemoScripts
{
    private static readonly DemoStep CheckStep = new DemoStep.Run(["sh", "check.sh"]);

    /// <summary>The line of <c>unit_price</c> that both <c>pricing</c> and <c>discounts</c> rewrite.</summary>
    public const string UnitPriceLine = "  echo \"$base\"\n";

    public static IReadOnlyList<DemoScript> All { get; } =
    [
        new("catalog", "Add cheese and coffee to the catalog, with tests.",
        [
            new DemoStep.Think("Thinking", 2.0, 180),
            new DemoStep.Say("I'll add cheese and coffee to the catalog and extend its tests."),
            new DemoStep.Read("src/catalog.sh"),
            new DemoStep.Read("tests/catalog_test.sh"),
            new DemoStep.Think("Planning", 1.5, 260),
            new DemoStep.Edit("src/catalog.sh",
                "    milk) echo 99 ;;\n",
                "    milk) echo 99 ;;\n    cheese) echo 480 ;;\n    coffee) echo 899 ;;\n", Ask: true),
            new DemoStep.Edit("src/catalog.sh", "  echo apple bread milk\n", "  echo apple bread milk cheese coffee\n"),
            new DemoStep.Edit("tests/catalog_test.sh",
                "assert_eq \"apple bread milk\" \"$(catalog_items)\" \"catalog items\"\n",
                "assert_eq 480 \"$(catalog_price cheese)\" \"cheese\"\n" +
                "assert_eq 899 \"$(catalog_price coffee)\" \"coffee\"\n" +
                "assert_eq \"apple bread milk cheese coffee\" \"$(catalog_items)\" \"catalog items\"\n"),
            new DemoStep.Think("Testing", 1.0, 90),
            CheckStep,
            new DemoStep.Commit("catalog: add cheese and coffee"),
        ]),
        new("pricing", "Add VAT on top of catalog prices (VAT_PERCENT, default 0).",
        [
            new DemoStep.Think("Thinking", 2.0, 150),
            new DemoStep.Say("I'll add VAT in unit_price, the one place a price reaches the till."),
            new DemoStep.Read("src/pricing.sh"),
            new DemoStep.Think("Pondering", 1.5, 210),
            new DemoStep.Edit("src/pricing.sh", UnitPriceLine,
                "  echo $((base + base * ${VAT_PERCENT:-0} / 100))\n", Ask: true),
            new DemoStep.Write("tests/vat_test.sh",
                "assert_eq 120 \"$(unit_price apple)\" \"no VAT unless asked\"\n" +
                "assert_eq 144 \"$(VAT_PERCENT=20 unit_price apple)\" \"20% VAT on an apple\"\n"),
            new DemoStep.Think("Testing", 1.0, 80),
            CheckStep,
            new DemoStep.Commit("pricing: add VAT_PERCENT on top of catalog prices"),
        ],
        // VAT rounds down (milk: 99 + 19.8 = 118): the review's comment; the fix rounds to the nearest cent.
        ReviewFix:
        [
            new DemoStep.Think("Reading the review", 1.0, 60),
            new DemoStep.Say("Right: VAT was rounded down. I'll round it to the nearest cent and test that."),
            new DemoStep.Edit("src/pricing.sh", "  echo $((base + base * ${VAT_PERCENT:-0} / 100))\n",
                "  echo $((base + (base * ${VAT_PERCENT:-0} + 50) / 100))\n"),
            new DemoStep.Edit("tests/vat_test.sh",
                "assert_eq 144 \"$(VAT_PERCENT=20 unit_price apple)\" \"20% VAT on an apple\"\n",
                "assert_eq 144 \"$(VAT_PERCENT=20 unit_price apple)\" \"20% VAT on an apple\"\n" +
                "assert_eq 119 \"$(VAT_PERCENT=20 unit_price milk)\" \"VAT rounds to the nearest cent\"\n"),
            CheckStep,
            new DemoStep.Commit("pricing: round VAT to the nearest cent"),
        ]),
        new("discounts", "Give members a discount (MEMBER_DISCOUNT percent, default 0).",
        [
            new DemoStep.Think("Thinking", 1.8, 170),
            new DemoStep.Say("Members get a percentage off; I'll apply it in unit_price."),
            new DemoStep.Read("src/pricing.sh"),
            new DemoStep.Think("Considering", 1.6, 230),
            new DemoStep.Edit("src/pricing.sh", UnitPriceLine,
                "  echo $((base - base * ${MEMBER_DISCOUNT:-0} / 100))\n", Ask: true),
            new DemoStep.Write("tests/discount_test.sh",
                "assert_eq 250 \"$(unit_price bread)\" \"full price for everyone else\"\n" +
                "assert_eq 225 \"$(MEMBER_DISCOUNT=10 unit_price bread)\" \"10% off for members\"\n"),
            new DemoStep.Think("Testing", 1.0, 70),
            CheckStep,
            new DemoStep.Commit("discounts: MEMBER_DISCOUNT percent off for members"),
        ]),
        new("checkout", "Charge shipping below 20.00 and test baskets with the new items and VAT.",
        [
            new DemoStep.Think("Thinking", 2.0, 200),
            new DemoStep.Say("Shipping first, then baskets that use the new items and VAT."),
            new DemoStep.Read("src/checkout.sh"),
            new DemoStep.Read("src/pricing.sh"),
            new DemoStep.Think("Reasoning", 1.5, 240),
            new DemoStep.Edit("src/checkout.sh",
                "  echo \"$total\"\n}\n",
                "  echo $((total + $(shipping_fee \"$total\")))\n}\n\n" +
                "# Shipping is free for an empty basket and from 20.00; below that it costs 4.95.\n" +
                "shipping_fee() {\n  if [ \"$1\" -eq 0 ] || [ \"$1\" -ge 2000 ]; then echo 0; else echo 495; fi\n}\n", Ask: true),
            new DemoStep.Edit("tests/checkout_test.sh",
                "assert_eq 370 \"$(checkout_total apple bread)\" \"apple and bread\"\n",
                "assert_eq 865 \"$(checkout_total apple bread)\" \"apple and bread, plus shipping\"\n" +
                "assert_eq 2278 \"$(checkout_total coffee coffee cheese)\" \"free shipping from 20.00\"\n" +
                "assert_eq 639 \"$(VAT_PERCENT=20 checkout_total apple)\" \"VAT, then shipping\"\n"),
            new DemoStep.Think("Testing", 1.0, 90),
            CheckStep,
            new DemoStep.Commit("checkout: shipping below 20.00, baskets with VAT"),
        ]),
        new("docs", "Document why the shop counts money in cents.",
        [
            new DemoStep.Think("Thinking", 1.6, 140),
            new DemoStep.Say("I'll write down why money is counted in cents, and link it from the README."),
            new DemoStep.Read("README.md"),
            new DemoStep.Think("Writing", 2.0, 320),
            new DemoStep.Write("docs/money.md",
                "# Money is integer cents\n\n" +
                "Every amount in the shop is a whole number of cents: `apple` costs 120, not 1.20.\n" +
                "Floating point cannot represent 0.10 exactly, and sums of such values drift;\n" +
                "integer cents add up exactly, and shell arithmetic only has integers anyway.\n"),
            new DemoStep.Edit("README.md",
                "- src/checkout.sh  the total of a basket\n",
                "- src/checkout.sh  the total of a basket\n\n## Docs\n- docs/money.md    why every amount is integer cents\n", Ask: true),
            CheckStep,
            new DemoStep.Commit("docs: why the shop counts in cents"),
        ]),
    ];

    public static DemoScript? For(string task) => All.FirstOrDefault(s => s.Task == task);
}
