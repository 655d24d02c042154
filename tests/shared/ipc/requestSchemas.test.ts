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
