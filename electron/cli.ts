import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIssue, oneLine } from '../shared/describe-issue';
import { MAX_SPEC_BYTES } from '../shared/limits';
import { experimentSpecSchema } from '../shared/spec/spec';
import { runBenchmarks } from './bench';
import { runExperiment } from './engine/experiment';
import { exportH5Command, importCommand } from './h5-commands';
import { InvalidInputError } from './engine/invalid-input';
import { writeJsonFileAtomic } from './host/atomic-write';
import { hostGridEvaluator } from './host/landscape-client';
import { RunHost } from './host/run-host';
import { serve } from './serve';
import { loadSpecFiles, readUserFile } from './user-files';

const USAGE = `Usage: gradscape <command> [options]

Commands:
  run SPEC.json --out RUN.json   run an experiment headless and write a run file (progress on stderr)
  import SURFACE.h5 [--trajectory PROJ.h5] [--quantity NAME] --out RUN.json
                                 a loss-landscape .h5 surface (and projected trajectory) as a run file
  export-h5 RUN.json --out SURFACE.h5
                                 a run file's landscape as a loss-landscape .h5 surface
  serve [--port N]               serve the app's UI to a browser on 127.0.0.1 (prints the URL)
  bench                          run the benchmarks and print their figures
  --help                         show this help

Exit codes: 0 success, 2 invalid input, 1 anything else.`;

const distDir = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'run':
      return runCommand(rest);
    case 'import':
      return importH5(rest);
    case 'export-h5':
      return exportH5(rest);
    case 'serve':
      return serveCommand(rest);
    case 'bench':
      await runBenchmarks((line) => process.stdout.write(`${line}\n`), distDir);
      return 0;
    default:
      throw new InvalidInputError(`unknown command "${command}" (see gradscape --help)`);
  }
}

/** Progress and what was written go to stderr, so stdout stays free for what a command prints. */
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

async function runCommand(args: string[]): Promise<number> {
  const { input: specPath, out } = fileToFile(args, { command: 'run', input: 'SPEC.json', out: 'RUN.json' });
  // Refused before any compute: nothing computed is lost to a folder that is not there.
  const outFolder = await stat(dirname(resolve(out))).catch(() => undefined);
  if (!outFolder?.isDirectory()) throw new InvalidInputError(`--out: the folder of ${out} does not exist`);
  const text = await readUserFile(specPath, MAX_SPEC_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`${specPath}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = experimentSpecSchema.safeParse(json);
  if (!parsed.success) throw new InvalidInputError(`${specPath}: ${describeIssue(parsed.error, 'spec')}`);
  const loaded = await loadSpecFiles(parsed.data, specPath);
  // Landscape grids use both cores through the same worker pool as the app.
  const host = new RunHost({ workerPath: join(distDir, 'worker.mjs') });
  const runFile = await runExperiment(loaded, {
    progress,
    grid: (problem) => hostGridEvaluator(host, problem),
  }).finally(() => host.close());
  // The spec as written (a CSV by its path), streamed: a run file may be larger than one string can hold.
  await writeJsonFileAtomic(out, { ...runFile, spec: parsed.data });
  progress(`wrote ${out}`);
  return 0;
}

async function importH5(args: string[]): Promise<number> {
  const {
    input: surface,
    out,
    options,
  } = fileToFile(args, {
    command: 'import',
    input: 'SURFACE.h5',
    out: 'RUN.json',
    options: ['trajectory', 'quantity'],
  });
  await importCommand(
    { surface, out, trajectory: options.get('trajectory'), quantity: options.get('quantity') },
    progress,
  );
  progress(`wrote ${out}`);
  return 0;
}

async function exportH5(args: string[]): Promise<number> {
  const { input: runPath, out } = fileToFile(args, { command: 'export-h5', input: 'RUN.json', out: 'SURFACE.h5' });
  await exportH5Command(runPath, out);
  progress(`wrote ${out}`);
  return 0;
}

async function serveCommand(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args, ['port']);
  if (positional.length) throw new InvalidInputError(`serve takes no argument "${positional[0]}"`);
  const portText = options.get('port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError(`--port: "${portText}" is not a port number`);
  const host = new RunHost({ workerPath: join(distDir, 'worker.mjs') });
  const server = await serve({ host, rendererDir: join(distDir, 'renderer'), port });
  process.stdout.write(`Gradscape is serving at ${server.url}\n`);
  const stop = (): void => {
    void server
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise(() => {});
}

interface FileToFileUsage {
  command: string;
  /** The input's and --out's placeholders in the usage, e.g. SPEC.json and RUN.json. */
  input: string;
  out: string;
  /** Options beyond --out. */
  options?: string[];
}

/** The arguments of a command that reads one file and writes --out: both required, refused as USAGE names them. */
function fileToFile(
  args: string[],
  usage: FileToFileUsage,
): { input: string; out: string; options: Map<string, string> } {
  const { positional, options } = parseArgs(args, ['out', ...(usage.options ?? [])]);
  const [input] = positional;
  if (!input || positional.length > 1)
    throw new InvalidInputError(`${usage.command} takes one ${usage.input} (see gradscape --help)`);
  const out = options.get('out');
  if (!out) throw new InvalidInputError(`${usage.command} needs --out ${usage.out}`);
  return { input, out, options };
}

function parseArgs(args: string[], known: string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(name)) throw new InvalidInputError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new InvalidInputError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InvalidInputError) {
      // Messages quote the input, which may hold line breaks; the contract is one line.
      process.stderr.write(`gradscape: ${oneLine(error.message)}\n`);
      process.exit(2);
    }
    process.stderr.write(`gradscape: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
