// Main validates every request from the renderer: a compromised page must not get a file written
// outside the folder the user chose, nor slip unexpected fields past a handler.
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../shared/ipc/requestSchemas';

const validSave = {
  suggestedName: 'Interviews – segments 😔.csv',
  content: '\uFEFFcoding_id,text\r\n',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
};

describe('requestSchemas.openSourceFiles', () => {
  const schema = requestSchemas.openSourceFiles;

  it('accepts a list of extensions', () => {
    expect(schema.safeParse({ extensions: ['txt', 'md', 'docx'] }).success).toBe(true);
  });

  it.each([
    ['no extensions', { extensions: [] }],
    ['an extension with a dot', { extensions: ['.txt'] }],
    ['a pattern', { extensions: ['*'] }],
    ['a path', { extensions: ['../txt'] }],
    ['an over-long extension', { extensions: ['abcdefghijk'] }],
    ['too many extensions', { extensions: Array.from({ length: 31 }, () => 'txt') }],
    ['a string instead of a list', { extensions: 'txt' }],
    ['an extra key', { extensions: ['txt'], defaultPath: '/etc' }],
    ['nothing', undefined],
  ])('refuses %s', (_name, payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});

describe('requestSchemas.saveFile', () => {
  const schema = requestSchemas.saveFile;

  it('accepts text or bytes with a plain file name', () => {
    expect(schema.safeParse(validSave).success).toBe(true);
    expect(schema.safeParse({ ...validSave, suggestedName: 'project.qdpx', content: new Uint8Array([1, 2, 3]) }).success).toBe(true);
    expect(schema.safeParse({ ...validSave, filters: [] }).success).toBe(true);
    expect(schema.safeParse({ ...validSave, suggestedName: '.hidden notes.txt' }).success).toBe(true);
  });

  it.each([
    ['../x.csv'],
    ['..\\x.csv'],
    ['a/b.csv'],
    ['/etc/passwd'],
    ['C:\\x'],
    ['C:x.csv'],
    ['.'],
    ['..'],
    [''],
    ['x'.repeat(201)],
    ['a\u0000b.csv'],
    ['line\nbreak.csv'],
    ['tab\t.csv'],
    ['esc\u001b.csv'],
    ['what?.csv'],
    ['star*.csv'],
    ['"quoted".csv'],
    ['a<b>.csv'],
    ['pipe|.csv'],
  ])('refuses the file name %j', (suggestedName) => {
    expect(schema.safeParse({ ...validSave, suggestedName }).success).toBe(false);
  });

  it.each([
    ['an extra key', { ...validSave, directory: '/tmp' }],
    ['an extra key in a filter', { ...validSave, filters: [{ name: 'CSV', extensions: ['csv'], path: '/' }] }],
    ['a filter with no extensions', { ...validSave, filters: [{ name: 'CSV', extensions: [] }] }],
    ['a filter with an unnamed entry', { ...validSave, filters: [{ name: '', extensions: ['csv'] }] }],
    ['a filter extension with a path', { ...validSave, filters: [{ name: 'CSV', extensions: ['../csv'] }] }],
    ['a number as content', { ...validSave, content: 42 }],
    ['an object as content', { ...validSave, content: { path: '/etc/passwd' } }],
    ['a plain array as content', { ...validSave, content: [1, 2, 3] }],
    ['a number as the name', { ...validSave, suggestedName: 7 }],
    ['filters that are not a list', { ...validSave, filters: { name: 'CSV', extensions: ['csv'] } }],
    ['a missing name', { content: 'a', filters: [] }],
    ['too many filters', { ...validSave, filters: Array.from({ length: 11 }, () => ({ name: 'CSV', extensions: ['csv'] })) }],
    ['null', null],
  ])('refuses %s', (_name, payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});

describe('requestSchemas.getAppInfo', () => {
  it('takes no payload', () => {
    expect(requestSchemas.getAppInfo.safeParse(undefined).success).toBe(true);
    expect(requestSchemas.getAppInfo.safeParse({}).success).toBe(false);
    expect(requestSchemas.getAppInfo.safeParse('x').success).toBe(false);
  });
});

describe('requestSchemas for project files and backups', () => {
  const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
  const counts = { sources: 1, codes: 2, codings: 3, memos: 0, cases: 0 };

  it('accepts a project save with bytes and a .qdpx name', () => {
    const valid = { projectId: '3f1c2a8e-0b7d-4c1e-9a55-1f2e3d4c5b6a', bytes: zip, saveAs: false, suggestedName: 'Interviews – 2026.qdpx' };
    expect(requestSchemas.saveProjectFile.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a path as the name', { suggestedName: '../../etc/passwd.qdpx' }],
    ['another extension', { suggestedName: 'Interviews.exe' }],
    ['text instead of bytes', { bytes: 'PK' }],
    ['empty bytes', { bytes: new Uint8Array() }],
    ['a project id with a slash', { projectId: '../p1' }],
    ['a path smuggled in', { path: '/tmp/x.qdpx' }],
  ])('refuses a project save with %s', (_name, change) => {
    const valid = { projectId: 'p1', bytes: zip, saveAs: true, suggestedName: 'a.qdpx' };
    expect(requestSchemas.saveProjectFile.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('accepts a backup with counts, and refuses negative or missing counts', () => {
    const valid = { projectId: 'p1', projectName: 'Interviews', changeStamp: '2026-12-02T03:00:00.000Z', bytes: zip, counts };
    expect(requestSchemas.writeBackup.safeParse(valid).success).toBe(true);
    expect(requestSchemas.writeBackup.safeParse({ ...valid, counts: { ...counts, codings: -1 } }).success).toBe(false);
    expect(requestSchemas.writeBackup.safeParse({ ...valid, counts: { sources: 1 } }).success).toBe(false);
    expect(requestSchemas.writeBackup.safeParse({ ...valid, changeStamp: '' }).success).toBe(false);
  });

  it('takes ids, never paths, for backups, links and windows', () => {
    expect(requestSchemas.readBackup.safeParse({ id: 'b-1' }).success).toBe(true);
    expect(requestSchemas.readBackup.safeParse({ id: '../index.json' }).success).toBe(false);
    expect(requestSchemas.linkProjectFile.safeParse({ projectId: 'p1', fileToken: '/home/ada/x.qdpx' }).success).toBe(false);
    expect(requestSchemas.showProject.safeParse({ projectId: null }).success).toBe(true);
    expect(requestSchemas.openProjectFile.safeParse({ path: '/etc/passwd' }).success).toBe(false);
    expect(requestSchemas.completeBackupRequest.safeParse({ requestId: 'r1' }).success).toBe(true);
  });
});

describe('requestSchemas.openExternalLink', () => {
  const schema = requestSchemas.openExternalLink;

  it('accepts an https link', () => {
    expect(schema.safeParse({ url: 'https://doi.org/10.1000/182' }).success).toBe(true);
  });

  it.each([
    ['http', { url: 'http://example.org/' }],
    ['mailto', { url: 'mailto:ada@example.org' }],
    ['file', { url: 'file:///etc/passwd' }],
    ['javascript', { url: 'javascript:alert(1)' }],
    ['credentials in the URL', { url: 'https://user:secret@example.org/' }],
    ['a very long link', { url: `https://example.org/${'a'.repeat(3000)}` }],
    ['extra fields', { url: 'https://example.org/', target: '_self' }],
    ['no payload', undefined],
  ])('refuses %s', (_label, request) => {
    expect(schema.safeParse(request).success).toBe(false);
  });
});
