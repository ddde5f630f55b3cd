import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const PYTHON = '/usr/bin/python3';

/**
 * Runs one of scripts/bench/*.py with Debian's python3-torch and returns its JSON, or the reason
 * it could not run (no torch on this machine), so benchmarks print PyTorch beside ours when they can.
 */
export async function runTorchBenchmark(
  repoRoot: string,
  script: string,
  args: string[] = [],
): Promise<{ result: unknown } | { missing: string }> {
  try {
    const { stdout } = await exec(PYTHON, [join(repoRoot, 'scripts', 'bench', script), ...args], { timeout: 300_000 });
    return { result: JSON.parse(stdout.trim().split('\n').at(-1)!) };
  } catch (error) {
    const message = (error as { stderr?: string }).stderr ?? (error as Error).message;
    return {
      missing: /No module named 'torch'|ENOENT/.test(message)
        ? `${PYTHON} has no torch (apt-get install python3-torch)`
        : message.trim().split('\n').at(-1)!,
    };
  }
}
