import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';

const PYTHON = '/usr/bin/python3';

export type TorchRequest =
  { train: string; seconds: number } | { landscape: string; seconds: number } | { matmul: true };

/**
 * PyTorch beside ours: scripts/bench/torch_server.py, started once with Debian's python3-torch and
 * kept running, answers one request at a time (a timed round, or the matMul rate), so its start-up
 * and model building are never inside a round.
 */
export class TorchReference {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    private readonly reader: Interface,
  ) {}

  /** The running server, or why it could not start (no torch on this machine). */
  static async start(repoRoot: string, python = PYTHON): Promise<TorchReference | { missing: string }> {
    const child = spawn(python, [join(repoRoot, 'scripts', 'bench', 'torch_server.py')]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const spawnError = new Promise<string>((resolve) => child.on('error', (error) => resolve(error.message)));
    const reader = createInterface({ input: child.stdout });
    const lines = reader[Symbol.asyncIterator]();
    const first = await Promise.race([lines.next(), spawnError]);
    if (typeof first === 'string' || first.done) {
      reader.close();
      child.kill();
      const message = typeof first === 'string' ? first : stderr;
      return {
        missing: /No module named 'torch'|ENOENT/.test(message)
          ? `${python} has no torch (apt-get install python3-torch)`
          : message.trim().split('\n').at(-1)!,
      };
    }
    return new TorchReference(child, lines, reader);
  }

  /** One request's answer: a rate (per second) or matMul GFLOP/s; throws with the server's error. */
  async request(request: TorchRequest): Promise<number> {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error('the PyTorch server stopped');
    const reply = JSON.parse(line.value) as { rate?: number; gflops?: number; error?: string };
    if (reply.error !== undefined) throw new Error(`PyTorch: ${reply.error}`);
    return reply.rate ?? reply.gflops!;
  }

  close(): void {
    this.reader.close();
    this.child.stdin.end();
  }
}
