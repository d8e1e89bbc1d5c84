import { type ChildProcess, spawn } from 'node:child_process';

const cwd = new URL('..', import.meta.url).pathname;

/**
 * `kiosk-server --db <db> --port 0 [args]` as its own process (from source, as cli.test.ts
 * runs it), resolving with the URL it prints. Kill it with `killHard` (or `.kill()`).
 */
export async function startServerProcess(
  db: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const cli = ['--import', 'tsx', 'src/cli.ts', '--db', db, '--port', '0', ...args];
  const child = spawn(process.execPath, cli, {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Kiosk API\s+(http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { url, child };
}

/** SIGKILL (kill -9): no shutdown, no cleanup; resolves once the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
