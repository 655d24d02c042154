import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planToRecords, type ImportPlan } from '../../../shared/codebook/importPlan';
import { codePath } from '../../../shared/codebook/tree';
import type { Code } from '../../../shared/model/types';
import { planRefiCodebookImport } from '../../../shared/refi/qdcCandidates';
import { CodebookFileError, readQdc, readQdeCodebook } from '../../../shared/refi/qdcRead';
import { readQdpxCodebook } from '../../../shared/refi/qdpxCodebook';
import { code } from '../codebook/fixtures';
import { describeWithSharedDir } from '../../setup/requiredSuites';
import { SAMPLES_DIR } from './xmllint';

const sample = (name: string): Buffer => readFileSync(path.join(SAMPLES_DIR, name));
const fixture = (name: string): string => readFileSync(path.resolve(__dirname, '../../fixtures/codebooks', name), 'utf8');

/** Imports a plan into an empty project: the codes by path, and the sets. */
function imported(plan: ImportPlan): { byPath: Map<string, Code>; records: ReturnType<typeof planToRecords> } {
  let n = 0;
  const records = planToRecords(plan, 'p1', 'now', () => `new-${++n}`);
  const byId = new Map(records.codes.map((c) => [c.id, c]));
  return { byPath: new Map(records.codes.map((c) => [codePath(byId, c.id), c])), records };
}

describeWithSharedDir('REFI-QDA samples written by other tools', () => {
  it('reads the specification’s example codebook (braced and bare GUIDs mixed)', () => {
    const plan = planRefiCodebookImport(readQdc(sample('spec_annexA/example1_codebook.qdc').toString('utf8')), []);
    expect(plan.summary).toEqual({ create: 6, match: 0, skip: 0 });
    const { byPath } = imported(plan);
    expect([...byPath.keys()]).toEqual(['Topics', 'Economy', 'Health care', 'Values', 'Conservatives', 'Liberals']);
    expect(byPath.get('Topics')).toMatchObject({ id: '5215cc69-b628-4e02-afb9-9beeaee55808', isCodable: false, parentId: null });
    expect(byPath.get('Values')).toMatchObject({ id: '9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520', isCodable: false });
    expect(byPath.get('Economy')).toMatchObject({
      id: 'd7aa29da-519b-4946-9b90-253b6db8fd0a',
      color: '#ffff00',
      description: 'Anything about jobs or taxes or business',
      isCodable: true,
    });
    expect(byPath.get('Liberals')!.color).toBe('#0000ff');
  });

  it('reads ATLAS.ti 23.4’s codebook with its odd schemaLocation, upper-case GUIDs and a code group', () => {
    const codebook = readQdc(sample('requal/atlasti_win_23.4.0_codebook.qdc').toString('utf8'));
    expect(codebook.origin).toBe('ATLAS.ti Win 23.4.0');
    const plan = planRefiCodebookImport(codebook, []);
    const { byPath, records } = imported(plan);
    expect(byPath.get('code1')).toMatchObject({
      id: '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294',
      color: '#46aa00',
      description: 'description',
    });
    expect(records.codeSets).toEqual([
      {
        id: 'eca18d76-2b8b-4f26-bc1d-19eca19fb3f0',
        projectId: 'p1',
        name: 'code group 1',
        description: 'kategorie 1',
        codeIds: ['1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'],
      },
    ]);
  });

  it('reads the nested codes of an ATLAS.ti 23.2 project (.qdpx)', () => {
    const codebook = readQdpxCodebook(new Uint8Array(sample('ponte/target-atlas-project.qdpx')));
    const { byPath } = imported(planRefiCodebookImport(codebook, []));
    expect([...byPath.keys()]).toEqual([
      'Commits',
      'Commits > 2022-05-10T02:05:59Z 19e4dce',
      'Commits > 2022-02-11T10:39:25Z cdbfd92',
    ]);
    expect(byPath.get('Commits > 2022-02-11T10:39:25Z cdbfd92')!.parentId).toBe('a182cd3a-d83c-4d8c-bc80-26d9103ec6d6');
  });

  it('reads a project without a codebook as an empty one, and says so', () => {
    const codebook = readQdpxCodebook(new Uint8Array(sample('ponte/blank-atlas-project.qdpx')));
    expect(codebook.codes).toEqual([]);
    const plan = planRefiCodebookImport(codebook, []);
    expect(plan.rows).toEqual([]);
    expect(plan.messages).toEqual([{ severity: 'error', text: 'The file has no codes.' }]);
  });

  it('reads MAXQDA 24’s project codebook: codable parents, descriptions, and document sets left out', () => {
    const codebook = readQdpxCodebook(new Uint8Array(sample('maxqda24/paper_themes.qdpx')));
    expect(codebook.origin).toBe('MAXQDA 24 (Release 24.7.0)');
    expect(codebook.sets).toEqual([]); // its two sets hold documents only
    const plan = planRefiCodebookImport(codebook, []);
    expect(plan.summary).toEqual({ create: 307, match: 0, skip: 0 });
    const { byPath } = imported(plan);
    const roots = [...byPath.values()].filter((c) => c.parentId === null).map((c) => c.name);
    expect(roots).toHaveLength(18);
    expect(roots.slice(0, 3)).toEqual(['Additional Themes and Ideas', 'Assessments', 'Collaboration and Community']);
    const parent = byPath.get('Additional Themes and Ideas')!;
    expect(parent).toMatchObject({ id: 'c9e3d7e0-4dbf-46e2-96ef-14574ecd3b90', isCodable: true, color: '#ef8256' });
    expect(parent.description).toMatch(/^This category encompasses a range of specific theoretical concepts/);
    expect(byPath.get('Additional Themes and Ideas > THEME - Affinity Spaces (Gee)')).toMatchObject({
      parentId: parent.id,
      description: 'Apply this code when a study uses Gee\'s concept of affinity spaces.',
    });
    expect(byPath.get('Other Theories (besides learning theories) > THRYOTHER - Pedagogical Content Knowledge (PCK, TPACK)')!.color).toBe('#ef5350');
    expect(byPath.get('Policy and Systemic Factors > PLCYSYSTM - Educational Policy Analysis')).toBeDefined();
  });

  it('matches an imported codebook against the same codebook by GUID the second time', () => {
    const text = sample('spec_annexA/example1_codebook.qdc').toString('utf8');
    const first = imported(planRefiCodebookImport(readQdc(text), [])).records.codes;
    const again = planRefiCodebookImport(readQdc(text), first);
    expect(again.summary).toEqual({ create: 0, match: 6, skip: 0 });
    expect(again.rows.every((r) => r.matchedBy === 'id' && Object.keys(r.updates).length === 0)).toBe(true);
  });
});

describe('tolerances', () => {
  it('accepts namespace prefixes and variants, braced upper-case GUIDs, rgb() and alpha colours, CRLF, an empty <Sets/>', () => {
    const codebook = readQdc(fixture('tolerant.qdc'));
    expect(codebook.sets).toEqual([]);
    const { byPath } = imported(planRefiCodebookImport(codebook, []));
    expect(byPath.get('Feelings')).toMatchObject({
      id: '0f8a1907-7e42-4739-8610-2d3e0d8e1c11',
      isCodable: false,
      color: '#f00082',
      // The CR written as &#13; survives; the file's own CRLF line break reads as LF.
      description: 'Line one\r\nline two & more',
    });
    expect(byPath.get('Feelings > happiness')).toMatchObject({ id: '85d17f60-7bb0-481e-b742-b4861dd669df', color: '#ff0088' });
    expect(byPath.get('sleepy')).toMatchObject({ id: 'ba1eb6df-89ac-4d11-b69f-929012a16fd4', color: '#f00082' });
  });

  it('reads criteria back out of a description we wrote', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="x" isCodable="true"><Description>Def.

Inclusion criteria:
In.

Exclusion criteria:
Out.</Description></Code></Codes></CodeBook>`;
    const { byPath } = imported(planRefiCodebookImport(readQdc(xml), []));
    expect(byPath.get('x')).toMatchObject({ description: 'Def.', inclusion: 'In.', exclusion: 'Out.' });
  });

  it('reports bad GUIDs, duplicate GUIDs and bad colours per code, keeping the rest', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="nope" name="A" isCodable="true" color="red"/>
      <Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="B" isCodable="maybe"/>
      <Code guid="{85d17f60-7bb0-481e-b742-b4861dd669df}" name="C" isCodable="true"/>
    </Codes></CodeBook>`;
    const plan = planRefiCodebookImport(readQdc(xml), []);
    expect(plan.rows.map((r) => [r.where, r.action, r.messages.map((m) => m.severity)])).toEqual([
      ['Code “A”', 'create', ['warning', 'warning']],
      ['Code “B”', 'create', ['warning']],
      ['Code “C”', 'skip', ['error']],
    ]);
  });

  it('reads the code sets of a project (MemberCode targetGUID) and keeps their code members only', () => {
    const xml = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="X">
      <CodeBook><Codes><Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="A" isCodable="true"/></Codes></CodeBook>
      <Sets>
        <Set guid="2324B638-D629-4970-B2E8-8B5BFD0A8D6B" name="Feelings"><MemberCode targetGUID="85D17F60-7BB0-481E-B742-B4861DD669DF"/><MemberSource targetGUID="3DD1A2A6-3AEF-4A4C-9138-718E9CE2386D"/></Set>
        <Set guid="C29B5DB8-2ED6-406B-BFD2-68E8E273C1E9" name="Documents"><MemberSource targetGUID="3DD1A2A6-3AEF-4A4C-9138-718E9CE2386D"/></Set>
      </Sets></Project>`;
    const codebook = readQdeCodebook(xml);
    expect(codebook.sets).toEqual([
      { guid: '2324B638-D629-4970-B2E8-8B5BFD0A8D6B', name: 'Feelings', memberGuids: ['85D17F60-7BB0-481E-B742-B4861DD669DF'] },
    ]);
    const plan = planRefiCodebookImport(codebook, [code('existing', null, 0)], { existingSets: [] });
    expect(plan.codeSets[0]).toMatchObject({ action: 'create', members: [{ kind: 'row', index: 0 }] });
  });

  it('refuses files that are not codebooks with a clear error', () => {
    expect(() => readQdc('<Project name="x"/>')).toThrow(CodebookFileError);
    expect(() => readQdc('<CodeBook><Codes>')).toThrow(CodebookFileError);
    expect(() => readQdeCodebook('<CodeBook/>')).toThrow(CodebookFileError);
    expect(() => readQdpxCodebook(new Uint8Array([1, 2, 3]))).toThrow(CodebookFileError);
  });
});
