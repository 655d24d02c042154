// Loads the browser build of pdf.js with its worker, once, on the first PDF import (it is
// large). Vite turns the `?url` import into the worker file's URL in the build.
import type { PdfParseDeps } from './pdf';

let loading: Promise<PdfParseDeps> | null = null;

/**
 * Where the build puts pdf.js's CMaps and standard fonts (see scripts/pdfjsAssets.mjs): beside
 * index.html, under pdfjs/, in the web build and the Electron renderer alike.
 */
export function pdfjsAssetsBaseUrl(): string {
  return new URL('pdfjs/', document.baseURI).href;
}

/**
 * `assetsBaseUrl`, when given, is where pdf.js's `cmaps/` and `standard_fonts/` folders are
 * served (copied from node_modules/pdfjs-dist). Without the CMaps, text in CJK fonts that use
 * predefined CMaps cannot be mapped to characters; Latin text does not need them.
 */
export function loadBrowserPdfjs(assetsBaseUrl?: string): Promise<PdfParseDeps> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return {
      pdfjs,
      ...(assetsBaseUrl
        ? { documentOptions: { cMapUrl: `${assetsBaseUrl}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assetsBaseUrl}standard_fonts/` } }
        : {}),
    };
  });
  return loading;
}
