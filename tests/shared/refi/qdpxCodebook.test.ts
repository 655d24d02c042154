import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CodebookFileError } from '../../../shared/refi/qdcRead';
import { readQdpxCodebook } from '../../../shared/refi/qdpxCodebook';

const qde = (name: string): string =>
  `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>` +
  `<Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="${name}" isCodable="true"/></Codes></CodeBook></Project>`;

describe('readQdpxCodebook', () => {
  it('finds project.qde whatever its case, next to a Sources folder', () => {
    const zip = zipSync({ 'Project.QDE': strToU8(qde('from upper case')), 'Sources/x.txt': strToU8('text') });
    expect(readQdpxCodebook(zip).codes.map((c) => c.name)).toEqual(['from upper case']);
  });

  it('accepts a project file named after the project, and prefers project.qde when both exist', () => {
    expect(readQdpxCodebook(zipSync({ 'My study.qde': strToU8(qde('named')) })).codes[0]!.name).toBe('named');
    const both = zipSync({ 'backup/old.qde': strToU8(qde('old')), 'project.qde': strToU8(qde('current')) });
    expect(readQdpxCodebook(both).codes[0]!.name).toBe('current');
  });

  it('says so when the archive has no project file', () => {
    expect(() => readQdpxCodebook(zipSync({ 'sources/a.txt': strToU8('a') }))).toThrow(CodebookFileError);
  });
});
