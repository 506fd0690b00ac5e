#!/usr/bin/env python3
"""Records the golden fixtures: real programs run on a 100x30 pseudo-terminal, keys typed at a slow pace,
every byte they print saved as fixtures/<name>.in. Synthetic Ink-like and ratatui-like streams are generated.
Then run capture_expected.sh to produce the expected screens (fixtures/<name>.text) with tmux.

Usage: python3 record_fixtures.py [name ...]   (from this folder)"""
import os, pty, select, signal, struct, sys, fcntl, termios, time, tempfile, subprocess

COLS, ROWS = 100, 30
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def record(name, argv, keys, env_extra=None, settle=0.6, cwd=None):
    """Runs argv on a fresh pty; keys is a list of byte strings typed one step at a time, waiting for output to
    settle in between. The program is killed after the last step and all output is written to fixtures/name.in."""
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(env_extra or {})
    pid, fd = pty.fork()
    if pid == 0:
        if cwd:
            os.chdir(cwd)
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    out = bytearray()

    def drain(quiet):
        # Read until nothing arrives for `quiet` seconds.
        while True:
            r, _, _ = select.select([fd], [], [], quiet)
            if not r:
                return
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            out.extend(data)

    drain(1.5)
    for k in keys:
        os.write(fd, k)
        drain(settle)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    with open(os.path.join(OUT, name + ".in"), "wb") as f:
        f.write(out)
    print(f"{name}: {len(out)} bytes")


def sample_file():
    path = os.path.join(tempfile.gettempdir(), "fleet-golden-sample.txt")
    with open(path, "w") as f:
        for i in range(1, 201):
            f.write(f"line {i:3d}: the quick brown fox jumps over the lazy dog — 中文 {'x' * (i % 50)}\n")
    return path


def ink_like():
    """What Ink (Claude Code, Gemini CLI) does: a frame erased with cursor-up + erase-line and redrawn, inside
    synchronized output; static lines printed above the live area; colors and box drawing."""
    s = bytearray()
    e = lambda t: s.extend(t.encode())
    e("\x1b[?25l")
    prev = 0
    for frame in range(12):
        e("\x1b[?2026h")
        if prev:
            e(("\x1b[2K\x1b[1A" * (prev - 1)) + "\x1b[2K\x1b[G")
        if frame % 4 == 3:
            e(f"\x1b[32m✔\x1b[39m Finished step {frame // 4 + 1}\r\n")
        lines = [
            "\x1b[38;2;215;119;87m╭────────────────────────────────────────╮\x1b[39m",
            f"\x1b[38;2;215;119;87m│\x1b[39m \x1b[1mThinking…\x1b[22m {'.' * (frame % 4):<3} frame {frame:2d}                 \x1b[38;2;215;119;87m│\x1b[39m",
            "\x1b[38;2;215;119;87m╰────────────────────────────────────────╯\x1b[39m",
            f"  \x1b[2m? for shortcuts\x1b[22m   \x1b[38:5:244m{frame * 7}% context\x1b[39m",
        ]
        e("\r\n".join(lines))  # the program writes \n; the tty's onlcr makes it \r\n
        prev = len(lines)
        e("\x1b[?2026l")
    e("\x1b[?25h")
    return bytes(s)


def ratatui_like():
    """What Codex CLI (ratatui) does: history pushed into real scrollback through a scroll region above an inline
    viewport (DECSTBM + RI / LF), the viewport redrawn with absolute positioning and SGR runs."""
    s = bytearray()
    e = lambda t: s.extend(t.encode())
    viewport = 6
    top = ROWS - viewport  # first viewport row (0-based)
    e("\x1b[2J\x1b[H")
    for i in range(40):
        # Insert one history line above the viewport: region over the rows above, newline at its bottom.
        e(f"\x1b[1;{top}r\x1b[{top};1H\r\n")
        e(f"\x1b[1m•\x1b[0m history line {i:02d} \x1b[38;5;{16 + i}m{'█' * (i % 20)}\x1b[0m")
        e("\x1b[r")
        # Redraw the viewport.
        for r in range(viewport):
            e(f"\x1b[{top + 1 + r};1H\x1b[K")
            if r == 0:
                e("\x1b[48;5;236m" + f" codex  step {i:02d} ".ljust(COLS) + "\x1b[0m")
            elif r == viewport - 1:
                e("\x1b[2m⏎ send   ⌃C quit\x1b[22m")
            else:
                e(f"\x1b[{r + 2}G› input {r} ✓")
    e(f"\x1b[{top + 2};10H")
    return bytes(s)


def edge_cases():
    """Sequences where terminals disagree: wide characters at the edge and half-overwritten, insert and delete with
    wide characters, combining marks, tabs, scroll regions with insert/delete lines, origin mode, DEC graphics, REP,
    ECH with colors, auto-wrap off, pending wrap followed by controls, DECALN, cursor save/restore, SU/SD."""
    s = bytearray()
    e = lambda t: s.extend(t.encode())
    w = COLS
    e("\x1b[H\x1b[2J")
    e("row1: " + "x" * (w - 7) + "中after-wide-wrap\r\n")
    e("中文字符测试" + "\x1b[3G" + "A" + "\x1b[8G" + "B" + "\r\n")
    e("abcdefghij\x1b[3G\x1b[4@\x1b[8G\x1b[2P|ins-del\r\n")
    e("中文中文\x1b[2G\x1b[1@<\r\n")
    e("e\u0301 a\u0308 n\u0303 combining\r\n")
    e("tab\tstops\there\x1b[3g\x1b[20G\x1bH\r\ttab20\r\n")
    e("\x1b(0lqqqqk\x1b(B box \x1b(0x\x1b(B mid \x1b(0x mqqqqj\x1b(B\r\n")
    e("rep:X\x1b[5b \x1b[41mred\x1b[3X\x1b[0m|\r\n")
    e("\x1b[?7l" + "nowrap " * 20 + "\x1b[?7h\r\n")
    e("z" * w + "\r\x1b[Kpending-wrap-then-CR\r\n")
    e("y" * w + "\x08\x08BS\r\n")
    e("q" * w + "\x1b[1Dcub\r\n")
    # Scroll region rows 14-20 with IL/DL/SU/SD.
    for i in range(14, 21):
        e(f"\x1b[{i};1Hregion line {i}")
    e("\x1b[14;20r\x1b[16;1H\x1b[2L\x1b[18;1H\x1b[1M\x1b[2S\x1b[1T")
    e("\x1b[20;1H\nscrolled-in-region\x1b[r")
    # Origin mode inside a region.
    e("\x1b[22;26r\x1b[?6h\x1b[1;5Horigin-home\x1b[99;1Horigin-bottom\x1b[?6l\x1b[r")
    e("\x1b[27;1H\x1b7\x1b[1;1H\x1b8saved-restored")
    e("\x1b[28;1Hwide at edge:\x1b[28;100H中")
    e("\x1b[29;1H\x1b[?7l\x1b[29;99H中文\x1b[?7h")
    e("\x1b[30;1Hlast row \x1b[38;5;196m256\x1b[38;2;1;2;3m rgb\x1b[0m\x1b[30;50H\x1b[1K")
    return bytes(s)


def scrolling_shell():
    """A long shell session: many lines, some longer than the screen (wrapped), scrolled through history."""
    s = bytearray()
    for i in range(300):
        s.extend(f"$ echo {i}\r\n{i} {'word ' * (i % 37)}\r\n".encode())
    return bytes(s)


def main(selected):
    os.makedirs(OUT, exist_ok=True)
    sample = sample_file()
    repo = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
    jobs = {
        "vim": lambda: record("vim", ["vim", "-u", "NONE", "-N", "-i", "NONE", "-c", "syntax off", sample],
                              [b"10j", b"5l", b"ihello \xc3\xa9\xe4\xb8\xad", b"\x1b", b":set nu\r", b"G", b"3k", b"dd", b"gg/fox\r"]),
        "less": lambda: record("less", ["less", sample], [b" ", b"j", b"j", b"/fox\r", b"G"], env_extra={"LESS": ""}),
        "top": lambda: record("top", ["top", "-d", "60"], [b"", b"c"], settle=1.0),
        "bash": lambda: record("bash", ["bash", "--norc", "--noprofile", "-i"],
                               [b"PS1='$ '\r", b"echo hello world", b"\x01", b"\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C", b"X", b"\x05", b"!\r",
                                b"printf '%s\\n' one two three\r", b"\x1b[A", b"\x08\x08\x08\x08\x08four\r", b"for i in 1 2 3; do echo $i; done\r"],
                               env_extra={"HISTFILE": "/dev/null"}),
        "python": lambda: record("python", ["python3", "-q"],
                                 [b"1 + 2\r", b"print('\xe4\xb8\xad\xe6\x96\x87', [i * i for i in range(10)])\r", b"def f(x):\r",
                                  b"    return x * 2\r", b"\r", b"f(21)\r", b"import sys; sys.version_info[:2]\r"], env_extra={"PYTHON_BASIC_REPL": "1"}),
        "gitlog": lambda: record("gitlog", ["git", "-C", repo, "log", "--graph", "--color=always", "--oneline", "--decorate", "-40"], [],
                                 env_extra={"GIT_PAGER": "cat", "PAGER": "cat"}),
    }
    synthetic = {"ink": ink_like, "ratatui": ratatui_like, "edges": edge_cases, "shell": scrolling_shell}
    for name, job in jobs.items():
        if not selected or name in selected:
            job()
    for name, make in synthetic.items():
        if not selected or name in selected:
            data = make()
            with open(os.path.join(OUT, name + ".in"), "wb") as f:
                f.write(data)
            print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
