// pdf.js's CMaps and standard fonts ship beside index.html, under pdfjs/, in both renderer builds
// (the web build and the Electron renderer), where pdfjsBrowser.ts looks for them.
import { describe, expect, it } from 'vitest';
import type { Plugin, PluginOption } from 'vite';
import { pdfjsAssets } from '../../../scripts/pdfjsAssets.mjs';
import webConfig from '../../../vite.web.config';
import electronConfig from '../../../electron.vite.config';

function pluginNames(plugins: PluginOption[] | undefined): string[] {
  return (plugins ?? []).flat(Infinity as 1).flatMap((p) => (p && typeof p === 'object' && 'name' in p ? [(p as Plugin).name] : []));
}

describe('pdfjsAssets', () => {
  it('emits every CMap and standard font under pdfjs/', () => {
    const emitted: string[] = [];
    const plugin = pdfjsAssets();
    const generate = plugin.generateBundle as unknown as (this: { emitFile(file: { fileName: string }): string }) => void;
    generate.call({ emitFile: (file) => (emitted.push(file.fileName), file.fileName) });
    expect(emitted).toContain('pdfjs/cmaps/UniJIS-UCS2-H.bcmap');
    expect(emitted).toContain('pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap');
    expect(emitted).toContain('pdfjs/standard_fonts/FoxitSerif.pfb');
    expect(emitted.filter((f) => f.startsWith('pdfjs/cmaps/')).length).toBeGreaterThan(150);
  });

  it('is part of the web build and of the Electron renderer build', () => {
    expect(pluginNames((webConfig as { plugins?: PluginOption[] }).plugins)).toContain('marginalia-pdfjs-assets');
    const renderer = (electronConfig as { renderer?: { plugins?: PluginOption[] } }).renderer;
    expect(pluginNames(renderer?.plugins)).toContain('marginalia-pdfjs-assets');
  });
});
