// A Vite plugin that ships pdf.js's CMaps and standard fonts with the renderer, under pdfjs/
// beside index.html (the web build and the Electron renderer alike), and serves them from
// node_modules while developing. Without the CMaps, PDFs whose CJK fonts use predefined CMaps
// cannot be mapped to characters. See renderer/src/features/import/parsers/pdfjsBrowser.ts.
// Plain JavaScript (typed by pdfjsAssets.d.mts) so both Vite configs import it with its extension.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const FOLDERS = ['cmaps', 'standard_fonts'];
const URL_PREFIX = 'pdfjs/';

function pdfjsRoot() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** @returns {import('vite').Plugin} */
export function pdfjsAssets() {
  const root = pdfjsRoot();
  return {
    name: 'marginalia-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const at = path.indexOf(`/${URL_PREFIX}`);
        if (at === -1) return next();
        const [folder, ...rest] = path.slice(at + URL_PREFIX.length + 1).split('/');
        const name = rest.join('/');
        if (!FOLDERS.includes(folder) || name === '' || name.includes('..')) return next();
        try {
          const bytes = readFileSync(resolve(root, folder, name));
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(bytes);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const folder of FOLDERS) {
        const dir = join(root, folder);
        for (const name of readdirSync(dir)) {
          if (!statSync(join(dir, name)).isFile()) continue;
          this.emitFile({ type: 'asset', fileName: `${URL_PREFIX}${folder}/${name}`, source: readFileSync(join(dir, name)) });
        }
      }
    },
  };
}
