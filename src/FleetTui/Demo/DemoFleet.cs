namespace FleetTui.Demo;

/// <summary>
/// The demo fleet: five tasks over the shop codebase. <c>catalog</c>, <c>pricing</c>, <c>discounts</c> and <c>docs</c> are independent;
/// <c>checkout</c> depends on <c>catalog</c> and <c>pricing</c> (its tests use their work); <c>pricing</c> and <c>discounts</c>
/// rewrite the same line of <c>unit_price</c> differently, so whichever merges second goes to review. Each task runs the shop
/// on its own web port (<c>[services.web]</c>); <c>checkout</c> also spans the price API's repository and runs its own API there.
/// </summary>
public static class DemoFleet
{
    public const string BaseBranch = "main";

    public const string Gate = "sh check.sh";

    public static IReadOnlyList<DemoTask> Tasks { get; } =
    [
        new("catalog", "Add cheese and coffee to the catalog, with tests.",
            DependsOn: [], Scope: ["src/catalog.sh", "tests/catalog_test.sh"], Ports: ["web"],
            Env: [new("SHOP_PORT", "{port.web}"), new("SHOP_DB", "{db}")]),
        new("pricing", "Add VAT on top of catalog prices (VAT_PERCENT, default 0).",
            DependsOn: [], Scope: ["src/pricing.sh", "tests/vat_test.sh"], Ports: ["web"],
            Env: [new("SHOP_PORT", "{port.web}"), new("SHOP_DB", "{db}")]),
        new("discounts", "Give members a discount (MEMBER_DISCOUNT percent, default 0).",
            DependsOn: [], Scope: ["src/pricing.sh", "tests/discount_test.sh"], Ports: ["web"],
            Env: [new("SHOP_PORT", "{port.web}"), new("SHOP_DB", "{db}")]),
        new("checkout", "Charge shipping below 20.00 and test baskets with the new items and VAT.",
            DependsOn: ["catalog", "pricing"], Scope: ["src/checkout.sh", "tests/checkout_test.sh"], Ports: ["web", "api"],
            Env: [new("SHOP_PORT", "{port.web}"), new("SHOP_API_PORT", "{port.api}"), new("SHOP_DB", "{db}")], Repos: [DemoApi.RepositoryName]),
        new("docs", "Document why the shop counts money in cents.",
            DependsOn: [], Scope: ["README.md", "docs/**"], Ports: ["web"],
            Env: [new("SHOP_DB", "{db}")]),
    ];

    public static DemoTask? Find(string name) => Tasks.FirstOrDefault(t => t.Name == name);
}
