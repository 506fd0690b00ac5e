// Feeds a recorded byte stream to @xterm/headless (the reference for scripts/bench-replay-vs-xterm.sh) in 64 KiB
// chunks, as `fleet replay` reads it, and waits until xterm.js has parsed everything. Prints the wall and CPU
// milliseconds from before the Terminal is made until the last write is parsed (Node's own start is not counted).
// Usage: node xterm-replay.mjs MODULE_DIR FILE COLUMNS ROWS
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [moduleDir, file, cols, rows] = process.argv.slice(2);
const require = createRequire(`${moduleDir}/`);
const { Terminal } = require('@xterm/headless');
const data = readFileSync(file);
const start = performance.now();
const cpuStart = process.cpuUsage();
const terminal = new Terminal({ cols: Number(cols), rows: Number(rows), scrollback: 10000, allowProposedApi: true });
const chunk = 64 * 1024;
for (let offset = 0; offset < data.length; offset += chunk)
  terminal.write(data.subarray(offset, Math.min(offset + chunk, data.length)));
terminal.write('', () => {
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  // The last row, so the work cannot be skipped, and a check that the stream really reached the screen.
  const last = terminal.buffer.active.getLine(terminal.buffer.active.length - 2)?.translateToString(true) ?? '';
  console.log(`${Math.round(elapsed)} ${Math.round((cpu.user + cpu.system) / 1000)} ${JSON.stringify(last.slice(0, 40))}`);
  terminal.dispose();
});
