// The `marginalia` command (package.json "bin"): built by `npm run build` into
// out/cli/marginalia.mjs, one file with the REFI-QDA schemas inside, for Node 20 and later.
import { main } from './main';
import { consoleOutput } from './output';

declare const __MARGINALIA_VERSION__: string;

process.exitCode = main(process.argv.slice(2), consoleOutput, typeof __MARGINALIA_VERSION__ === 'string' ? __MARGINALIA_VERSION__ : 'development');
