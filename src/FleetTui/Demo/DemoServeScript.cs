namespace FleetTui.Demo;

/// <summary>
/// The demo's dev servers (<c>[services.web]</c> in the shop, <c>[services.api]</c> in the API): a shell script serving its
/// worktree on the task's own port, so a newcomer sees each task's environment running. Python's <c>http.server</c> when
/// there is a python3, else a netcat loop answering every request with one line, else a loop that says nothing listens.
/// </summary>
public static class DemoServeScript
{
    /// <param name="what">What it serves, for its first line (<c>shop</c>, <c>shop API</c>).</param>
    /// <param name="portVariable">The variable fleet sets to the task's port (<c>FLEET_PORT_WEB</c>).</param>
    /// <param name="path">The path its URL shows (<c>/</c>, <c>/prices.json</c>).</param>
    public static string Render(string what, string portVariable, string path) => $$"""
        #!/bin/sh
        # A fleet service: the {{what}} of this task's worktree on the task's own port (fleet sets {{portVariable}}).
        port="${{{portVariable}}:?run by fleet, which gives each task its own port}"
        echo "{{what}} of $FLEET_TASK on http://localhost:$port{{path}}"
        if command -v python3 >/dev/null 2>&1; then
          exec python3 -m http.server "$port" --bind 127.0.0.1
        fi
        if command -v nc >/dev/null 2>&1; then
          echo "(no python3: netcat answers each request with one line)"
          while :; do
            # Traditional and busybox netcat take -l -p PORT; OpenBSD's takes -l PORT. Neither listening: give up below.
            printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n{{what}} of %s\n' "$FLEET_TASK" | nc -l -p "$port" >/dev/null 2>&1 ||
              printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n{{what}} of %s\n' "$FLEET_TASK" | nc -l "$port" >/dev/null 2>&1 || break
          done
        fi
        echo "neither python3 nor a working nc here: nothing listens on $port (the state will say 'not ready')"
        while :; do sleep 3600; done

        """;
}
