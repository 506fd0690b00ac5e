namespace FleetTui.Demo;

/// <summary>
/// The shop: a tiny but real codebase in POSIX sh, so its gate (<c>sh check.sh</c>) runs on any machine with no SDK at all.
/// Money is integer cents throughout. The demo scripts (<see cref="DemoScripts"/>) edit these exact texts.
/// </summary>
public static class DemoCodebase
{
    /// <summary>Tracked files, committed on main: relative path → content.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TrackedFiles { get; } =
    [
        new("README.md", """
            # Shop

            A tiny shop written in POSIX sh: the demo codebase of FleetTui.

                sh check.sh    # runs every test

            ## Layout
            - src/catalog.sh   items and their prices
            - src/pricing.sh   what one unit costs at the till
            - src/checkout.sh  the total of a basket

            """),
        new(".gitignore", """
            .env
            .data/

            """),
        new("check.sh", """
            #!/bin/sh
            # The shop's test runner (the fleet's gate): every tests/*_test.sh runs in its own shell with src/*.sh loaded.
            # Exit 0 when every test passes.
            cd "$(dirname "$0")" || exit 2
            failed=0
            for test in tests/*_test.sh; do
              if sh -c 'for f in src/*.sh; do . "./$f"; done; . ./tests/assert.sh; . "./$1"' check "$test"; then
                echo "ok   $test"
              else
                echo "FAIL $test"
                failed=1
              fi
            done
            exit $failed

            """),
        new("src/catalog.sh", """
            # The catalog: item name -> price in cents (a shop never adds floats).

            catalog_price() {
              case "$1" in
                apple) echo 120 ;;
                bread) echo 250 ;;
                milk) echo 99 ;;
                *) echo "unknown item: $1" >&2; return 1 ;;
              esac
            }

            catalog_items() {
              echo apple bread milk
            }

            """),
        new("src/pricing.sh", """
            # Pricing: what one unit of an item costs at the till, in cents.

            unit_price() {
              base=$(catalog_price "$1") || return 1
              echo "$base"
            }

            """),
        new("src/checkout.sh", """
            # Checkout: the total of a basket, in cents.

            checkout_total() {
              total=0
              for item in "$@"; do
                price=$(unit_price "$item") || return 1
                total=$((total + price))
              done
              echo "$total"
            }

            """),
        new("tests/assert.sh", """
            # assert_eq EXPECTED ACTUAL WHAT: fails the test file with a readable message.
            assert_eq() {
              if [ "$1" != "$2" ]; then
                echo "  $3: expected '$1' but got '$2'" >&2
                exit 1
              fi
            }

            """),
        new("tests/catalog_test.sh", """
            assert_eq 120 "$(catalog_price apple)" "apple"
            assert_eq 250 "$(catalog_price bread)" "bread"
            assert_eq "apple bread milk" "$(catalog_items)" "catalog items"

            """),
        new("tests/pricing_test.sh", """
            assert_eq 99 "$(unit_price milk)" "milk at the till"

            """),
        new("tests/checkout_test.sh", """
            assert_eq 370 "$(checkout_total apple bread)" "apple and bread"
            assert_eq 0 "$(checkout_total)" "empty basket"

            """),
        new("scripts/serve.sh", DemoServeScript.Render("shop", "FLEET_PORT_WEB", "/")),
        new("scripts/setup.sh", """
            #!/bin/sh
            # fleet's [setup] run: gives each task's worktree its own database, made from the template.
            set -e
            db="${FLEET_DB:-shop_dev}"
            mkdir -p .data
            cp db/template.sql ".data/$db.sql"
            echo "database $db ready in .data/$db.sql"

            """),
        new("db/template.sql", """
            CREATE TABLE items (name TEXT PRIMARY KEY, price_cents INTEGER NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, total_cents INTEGER NOT NULL);

            """),
    ];

    /// <summary>Untracked local files fleet copies into every worktree (<c>[setup] copy</c>); ignored by git.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> LocalFiles { get; } =
    [
        new(".env", """
            # Local settings, never committed: fleet copies this file into each worktree.
            SHOP_CURRENCY=EUR
            SHOP_SECRET=demo-only-not-a-secret

            """),
    ];
}
