// The `marginalia` command line, built as `npm run build` builds it and run as a child process on
// generated project files, sound and hostile: results on standard output, one readable line per
// problem on standard error, never a stack trace, and exit statuses a script can test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { build } from 'vite';
import { projectSnapshotArb } from '../model/projectArb';
import { writeQdpx } from '../../../shared/refi/qdpxWrite';
import { codebookCsvOf, segmentsCsvOf } from '../../../shared/analysis/projectCsvExports';
import { buildCodebookCsv } from '../../../shared/codebook/codebookCsv';
import { foreignProject } from '../refi/foreignProject';
import { canValidate } from '../refi/xmllint';

const repoRoot = path.resolve(__dirname, '../../..');
let dir: string;
let cli: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
  await build({ configFile: path.join(repoRoot, 'vite.cli.config.ts'), logLevel: 'silent', build: { outDir: path.join(dir, 'bin') } });
  cli = path.join(dir, 'bin', 'marginalia.mjs');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env, cwd: dir, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, data: Uint8Array | string): string {
  const at = path.join(dir, name);
  writeFileSync(at, data);
  return at;
}

function expectOneLineErrors(result: Run): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const line of result.stderr.trim().split('\n')) expect(line).toMatch(/^marginalia: /);
}

const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 11 })[0]!;

describe('marginalia (command line)', { timeout: 60_000 }, () => {
  it('prints its usage with --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/marginalia info FILE\.qdpx/);
    expect(result.stdout).toMatch(/marginalia validate FILE\.qdpx\|FILE\.qdc/);
  });

  it('says what a project holds, as JSON', () => {
    const result = run(['info', file('project.qdpx', writeQdpx(project))]);
    expect(result.status).toBe(0);
    const info = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({
      name: project.project.name,
      sources: project.sources.length,
      codes: project.codes.length,
      codings: project.codings.length,
      coders: project.coders.length,
      notes: project.memos.length,
      cases: project.cases.length,
    });
  });

  it('writes exactly the app’s codebook and coded segments CSVs', () => {
    const input = file('export.qdpx', writeQdpx(project));
    const result = run(['export', input, '--codebook', path.join(dir, 'codebook.csv'), '--segments', path.join(dir, 'segments.csv')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'codebook.csv'), 'utf8')).toBe(codebookCsvOf(project));
    expect(readFileSync(path.join(dir, 'segments.csv'), 'utf8')).toBe(segmentsCsvOf(project));
  });

  it('converts a codebook CSV → .qdc → .qdpx → CSV without changing it', () => {
    const codes = project.codes.map((c) => ({ ...c, inclusion: 'when it fits', exclusion: '', memo: '' }));
    const csv = buildCodebookCsv(codes, []);
    const start = file('codebook-in.csv', csv);
    expect(run(['convert', start, path.join(dir, 'codebook.qdc')]).status).toBe(0);
    expect(run(['validate', path.join(dir, 'codebook.qdc')]).status).toBe(0);
    expect(run(['convert', path.join(dir, 'codebook.qdc'), path.join(dir, 'codebook-only.qdpx')]).status).toBe(0);
    expect(run(['validate', path.join(dir, 'codebook-only.qdpx')]).status).toBe(0);
    const back = run(['convert', path.join(dir, 'codebook-only.qdpx'), path.join(dir, 'codebook-out.csv')]);
    expect(back.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'codebook-out.csv'), 'utf8')).toBe(csv);
  });

  it('validates a sound project with the schema and integrity checks', () => {
    const result = run(['validate', file('sound.qdpx', writeQdpx(project))]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(canValidate ? /sound\.qdpx: valid \(schema and integrity\)/ : /sound\.qdpx: valid \(integrity\)/);
  });

  it('says so when xmllint is missing, and still checks integrity', () => {
    const result = run(['validate', file('sound2.qdpx', writeQdpx(project))], { ...process.env, PATH: path.join(dir, 'no-such-folder') });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/note: xmllint was not found, so only integrity was checked/);
    expect(result.stdout).toMatch(/valid \(integrity\)/);
  });

  it('reports every integrity problem on its own line and exits 1', () => {
    const broken = foreignProject({
      edit: (qde) => qde.replace(/endPosition="\d+"/, 'endPosition="500"').replace('targetGUID="a1b2c3d4-0000-4000-8000-000000000002"', 'targetGUID="deadbeef-0000-4000-8000-000000000000"'),
    });
    const result = run(['validate', file('broken.qdpx', broken)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/broken\.qdpx: error: Selection .* ends at 500, past the end of the text/);
    expect(result.stdout).toMatch(/broken\.qdpx: error: Coding .* refers to a code that the file does not define/);
    expect(result.stderr).toBe('');
  });

  it.runIf(canValidate)('reports schema problems from xmllint', () => {
    const invalid = foreignProject({ edit: (qde) => qde.replace(' isCodable="false"', '') });
    const result = run(['validate', file('schema.qdpx', invalid)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/schema\.qdpx: schema: .*isCodable/);
  });

  it.each([
    ['not a zip', strToU8('hello'), /not a readable \.qdpx project/],
    ['a DOCTYPE', foreignProject({ edit: (qde) => qde.replace('?>', '?><!DOCTYPE p [<!ENTITY x "y">]>') }), /declares a DOCTYPE/],
    ['no project file', zipSync({ 'a.txt': strToU8('x') }), /no REFI-QDA project file/],
    ['truncated XML', foreignProject({ edit: (qde) => qde.slice(0, 100) }), /not well-formed XML/],
  ])('refuses a file with %s in one line, without a stack trace', (_name, bytes, message) => {
    const input = file('hostile.qdpx', bytes);
    for (const args of [['info', input], ['export', input, '--codebook', path.join(dir, 'never.csv')]]) {
      const result = run(args);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expectOneLineErrors(result);
    }
    expect(existsSync(path.join(dir, 'never.csv'))).toBe(false);
    const validate = run(['validate', input]);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(message);
  });

  it('opens hostile but repairable files and warns about each repair', () => {
    const bomb = foreignProject({ sourceBytes: new Uint8Array(20 * 1024 * 1024), entries: { '../escape.txt': strToU8('x') } });
    const result = run(['export', file('bomb.qdpx', bomb), '--codebook', path.join(dir, 'bomb.csv')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*zip bomb/);
    expect(result.stderr).toMatch(/warning: The archive entry “\.\.\/escape\.txt” has an unsafe name/);
    expectOneLineErrors(result);
    expect(existsSync(path.join(dir, 'bomb.csv'))).toBe(true);
  });

  it('repairs a symbolic link, an absolute entry, a GUID used twice and a legacy-encoded text, one warning line each', () => {
    const latin = new Uint8Array([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x80, 0x35]));
    const hostile = foreignProject({
      sourceBytes: latin,
      edit: (qde) =>
        qde
          .replace(/<PlainTextSelection[\s\S]*?<\/PlainTextSelection>/g, '')
          .replace('guid="a1b2c3d4-0000-4000-8000-000000000002"', 'guid="{A1B2C3D4-0000-4000-8000-000000000001}"'),
      entries: {
        '/etc/absolute.txt': strToU8('x'),
        'sources/link.txt': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
      } as Parameters<typeof zipSync>[0],
    });
    const result = run(['export', file('repairable.qdpx', hostile), '--codebook', path.join(dir, 'repairable.csv')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: The archive entry “\/etc\/absolute\.txt” has an unsafe name/);
    expect(result.stderr).toMatch(/warning: The archive entry “sources\/link\.txt” is a symbolic link; it was ignored/);
    expect(result.stderr).toMatch(/warning: The GUID .* is used by more than one code/);
    expect(result.stderr).toMatch(/warning: .* is not UTF-8 as the standard requires; it was read as Windows-1252/);
    expectOneLineErrors(result);
    // Both codes kept, under distinct ids.
    expect(readFileSync(path.join(dir, 'repairable.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('explains bad usage and exits 2', () => {
    for (const args of [['frobnicate'], ['info'], ['export', 'x.qdpx'], ['convert', 'a.csv', 'b.txt'], ['info', 'x.qdpx', '--wat']]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expectOneLineErrors(result);
    }
    const missing = run(['info', path.join(dir, 'nope.qdpx')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.qdpx: no such file or folder/);
  });
});
