// `npm start`: builds Marginalia and opens it in Electron, or says in one line why it cannot.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_ELECTRON_MESSAGE, findElectronBinary, findElectronPackage } from './electronBinary.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`Marginalia: could not run ${command}: ${error.message}`);
      resolve(1);
    });
    // A child killed by a signal has no exit code: report that as a failure, not a success.
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const electronDir = findElectronPackage(projectDir);
const electronBinary = electronDir && findElectronBinary(electronDir);
if (!electronBinary) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

const projectRequire = createRequire(join(projectDir, 'package.json'));
const electronVite = join(dirname(projectRequire.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const built = await run(process.execPath, [electronVite, 'build']);
if (built !== 0) process.exit(built);

// Electron reads package.json "main" (out/main/index.js) from the project folder.
process.exit(await run(electronBinary, ['.', ...process.argv.slice(2)]));
