// Packaging: double-clicking a .qdpx must open Marginalia, so the builder config declares it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = readFileSync(resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8');

describe('electron-builder file associations', () => {
  it('associates .qdpx files with the app as their editor', () => {
    const section = config.slice(config.indexOf('\nfileAssociations:'));
    expect(section).toMatch(/^\nfileAssociations:\n {2}- ext: qdpx\n/);
    expect(section).toMatch(/\n {4}role: Editor\n/);
    expect(section).toMatch(/\n {4}mimeType: application\/x-refi-qda-project\n/);
  });
});
