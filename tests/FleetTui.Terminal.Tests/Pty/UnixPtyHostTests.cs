using FleetTui.Terminal.Pty;
using Shouldly;
using Xunit;

namespace FleetTui.Terminal.Tests.Pty;

public class UnixPtyHostTests
{
    [Fact]
    public async Task The_child_runs_on_a_pseudo_terminal_named_after_its_slave()
    {
        using var child = RecordedChild.Start("tty");

        string output = child.WaitForAllOutput();

        child.Process.TerminalName.ShouldStartWith("/dev/pts/");
        output.Trim().ShouldBe(child.Process.TerminalName);
        (await child.Process.Exited).ShouldBe(new PtyExitStatus(0, null));
    }

    [Fact]
    public void The_terminal_has_the_requested_size()
    {
        using var child = RecordedChild.Start(new PtySpawnOptions("stty", "size") { Columns = 123, Rows = 45 });

        child.WaitForAllOutput().Trim().ShouldBe("45 123");
    }

    [Fact]
    public async Task The_terminal_is_the_childs_controlling_terminal()
    {
        // /dev/tty only opens for a process that has a controlling terminal.
        using var child = RecordedChild.Start("sh", "-c", "echo via-dev-tty > /dev/tty && echo ok");

        string output = child.WaitForAllOutput();

        output.ShouldContain("via-dev-tty");
        (await child.Process.Exited).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_child_gets_the_terminal_variables_and_the_callers_environment()
    {
        var options = new PtySpawnOptions("sh", "-c", "echo \"[$TERM|$COLORTERM|$FLEET_TASK|${HOME:-no-home}]\"")
        {
            Environment = new Dictionary<string, string?> { ["FLEET_TASK"] = "task one", ["HOME"] = null },
        };
        using var child = RecordedChild.Start(options);

        child.WaitForAllOutput().ShouldContain("[xterm-256color|truecolor|task one|no-home]");
    }

    [Fact]
    public void The_caller_may_override_the_terminal_variables()
    {
        var options = new PtySpawnOptions("sh", "-c", "echo \"[$TERM]\"")
        {
            Environment = new Dictionary<string, string?> { ["TERM"] = "dumb" },
        };
        using var child = RecordedChild.Start(options);

        child.WaitForAllOutput().ShouldContain("[dumb]");
    }

    [Fact]
    public void The_outer_terminals_variables_are_not_inherited_unless_given()
    {
        // Names from the list, set in our own process as a terminal or tmux would have set them.
        string?[] saved = [Environment.GetEnvironmentVariable("COLUMNS"), Environment.GetEnvironmentVariable("KITTY_WINDOW_ID")];
        Environment.SetEnvironmentVariable("COLUMNS", "999");
        Environment.SetEnvironmentVariable("KITTY_WINDOW_ID", "7");
        try
        {
            var options = new PtySpawnOptions("sh", "-c", "echo \"[${COLUMNS-unset}|${KITTY_WINDOW_ID-unset}|${TMUX-unset}]\"")
            {
                Environment = new Dictionary<string, string?> { ["TMUX"] = "given" },
            };
            using var child = RecordedChild.Start(options);

            child.WaitForAllOutput().ShouldContain("[unset|unset|given]");
        }
        finally
        {
            Environment.SetEnvironmentVariable("COLUMNS", saved[0]);
            Environment.SetEnvironmentVariable("KITTY_WINDOW_ID", saved[1]);
        }
    }

    [Fact]
    public void Without_inheritance_the_child_sees_only_the_given_variables()
    {
        string ourPath = Environment.GetEnvironmentVariable("PATH")!;
        var options = new PtySpawnOptions("/usr/bin/env")
        {
            InheritEnvironment = false,
            Environment = new Dictionary<string, string?> { ["ONLY_THIS"] = "1" },
        };
        using var child = RecordedChild.Start(options);

        string[] lines = child.WaitForAllOutput().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines.Order().ShouldBe(new[] { "COLORTERM=truecolor", "ONLY_THIS=1", "TERM=xterm-256color" });
        ourPath.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_child_starts_in_the_requested_working_directory()
    {
        string directory = Directory.CreateTempSubdirectory("fleet-pty-cwd-").FullName;
        try
        {
            using var child = RecordedChild.Start(new PtySpawnOptions("pwd") { WorkingDirectory = directory });

            child.WaitForAllOutput().Trim().ShouldBe(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_command_is_looked_up_in_the_childs_own_PATH()
    {
        string directory = Directory.CreateTempSubdirectory("fleet-pty-path-").FullName;
        try
        {
            string script = Path.Combine(directory, "fleet-only-here");
            File.WriteAllText(script, "#!/bin/sh\necho found-in-task-path\n");
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new PtySpawnOptions("fleet-only-here")
            {
                Environment = new Dictionary<string, string?> { ["PATH"] = $"{directory}:/usr/bin:/bin" },
            };

            using var child = RecordedChild.Start(options);

            child.WaitForAllOutput().ShouldContain("found-in-task-path");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_missing_command_is_a_clear_error_naming_it()
    {
        var host = new UnixPtyHost();

        var error = Should.Throw<PtySpawnException>(() => host.Spawn(new PtySpawnOptions("fleet-no-such-command", "--flag"), _ => { }));

        error.Command.ShouldBe("fleet-no-such-command");
        error.ErrorNumber.ShouldBe(2);
        error.Message.ShouldContain("'fleet-no-such-command'");
        error.Message.ShouldContain("No such file or directory");
    }

    [Fact]
    public void A_missing_command_given_by_path_is_a_clear_error_naming_it()
    {
        var host = new UnixPtyHost();

        var error = Should.Throw<PtySpawnException>(() => host.Spawn(new PtySpawnOptions("/nonexistent/fleet-tool"), _ => { }));

        error.Message.ShouldContain("'/nonexistent/fleet-tool'");
        error.Message.ShouldContain("No such file or directory");
    }

    [Fact]
    public void A_file_that_is_not_executable_is_a_clear_error()
    {
        string file = Path.GetTempFileName();
        try
        {
            var error = Should.Throw<PtySpawnException>(() => new UnixPtyHost().Spawn(new PtySpawnOptions(file), _ => { }));

            error.Message.ShouldContain(file);
            error.Message.ShouldContain("Permission denied");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_working_directory_is_a_clear_error_naming_it()
    {
        var options = new PtySpawnOptions("pwd") { WorkingDirectory = "/nonexistent/fleet-worktree" };

        var error = Should.Throw<PtySpawnException>(() => new UnixPtyHost().Spawn(options, _ => { }));

        error.Message.ShouldContain("'pwd'");
        error.Message.ShouldContain("/nonexistent/fleet-worktree");
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(80, 0)]
    [InlineData(70000, 24)]
    public void An_impossible_size_is_refused(int columns, int rows)
    {
        var options = new PtySpawnOptions("true") { Columns = columns, Rows = rows };

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new UnixPtyHost().Spawn(options, _ => { }));

        error.Message.ShouldContain($"{columns}x{rows}");
    }

    [Fact]
    public void An_argument_with_a_NUL_character_is_refused_naming_it()
    {
        var error = Should.Throw<ArgumentException>(() => new UnixPtyHost().Spawn(new PtySpawnOptions("echo", "bad\0arg"), _ => { }));

        error.Message.ShouldContain("bad\\0arg");
    }

    [Fact]
    public void An_empty_command_is_refused()
    {
        Should.Throw<ArgumentException>(() => new UnixPtyHost().Spawn(new PtySpawnOptions(Array.Empty<string>()), _ => { }));
    }

    [Fact]
    public void Signals_start_with_default_dispositions_and_an_empty_mask()
    {
        // The runtime ignores SIGPIPE and blocks some signals on its threads; a child must inherit neither.
        using var child = RecordedChild.Start("grep", "-E", "^Sig(Ign|Blk)", "/proc/self/status");

        string output = child.WaitForAllOutput();

        output.ShouldContain("SigBlk:\t0000000000000000");
        output.ShouldContain("SigIgn:\t0000000000000000");
    }

    [Fact]
    public void A_pipeline_writer_dies_of_SIGPIPE_when_its_reader_quits()
    {
        using var child = RecordedChild.Start("sh", "-c", "(yes; echo \"yes-status=$?\" >&2) | head -1");

        string output = child.WaitForAllOutput();

        output.ShouldContain("yes-status=141"); // 128 + SIGPIPE: killed by the signal, not by a write error
    }

    [Fact]
    public unsafe void The_child_inherits_no_descriptor_but_the_terminal()
    {
        // eventfd without EFD_CLOEXEC: a descriptor every posix_spawn child would inherit without closefrom.
        int inheritable = Libc.eventfd(0, 0);
        inheritable.ShouldBeGreaterThan(2);
        try
        {
            using var child = RecordedChild.Start("ls", "/proc/self/fd");

            string[] fds = child.WaitForAllOutput().Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

            // 0, 1, 2, and the directory ls itself opened to list.
            fds.ShouldBe(new[] { "0", "1", "2", "3" });
        }
        finally
        {
            Libc.close(inheritable);
        }
    }
}
