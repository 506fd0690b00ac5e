namespace FleetTui.Demo;

/// <summary>
/// The demo's second repository: a tiny price API the shop calls (<c>SHOP_API_URL</c>). The <c>checkout</c> task spans it
/// (its own worktree and API server on its own port); the others share the main stack's (<c>[repos.api] shared_env</c>).
/// </summary>
public static class DemoApi
{
    public const string RepositoryName = "api";

    /// <summary>Where a task not spanning the API finds it: the main stack's (start it with `sh serve.sh` in api/ and FLEET_PORT_API=3000).</summary>
    public const string SharedUrl = "http://localhost:3000";

    public static IReadOnlyList<KeyValuePair<string, string>> TrackedFiles { get; } =
    [
        new("README.md", """
            # The shop's price API

            `sh serve.sh` serves `prices.json` on `$FLEET_PORT_API`. fleet runs it per task as the `api` service.

            """),
        new("prices.json", """
            {"tea": 450, "bread": 320, "milk": 129}

            """),
        new("serve.sh", DemoServeScript.Render("shop API", "FLEET_PORT_API", "/prices.json")),
    ];
}
