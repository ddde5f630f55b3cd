// `npm start`: the desktop app where Electron can start; otherwise one line saying why, and the
// same UI served to a browser.
import { spawn, spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const gradscape = new URL('../bin/gradscape.mjs', import.meta.url).pathname;
const child =
  probe.status === 0 && probe.stdout
    ? spawn(probe.stdout, ['.'], { stdio: 'inherit' })
    : (console.log(
        'Electron cannot start here (its binary is not installed and could not be downloaded); serving the same UI for your browser with `npx gradscape serve` instead:',
      ),
      spawn(process.execPath, [gradscape, 'serve', ...process.argv.slice(2)], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
