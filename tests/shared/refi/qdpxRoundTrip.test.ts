// Marginalia → .qdpx → Marginalia gives the same project, field for field, for random projects
// with hard text (astral characters, combining marks, right-to-left script), nested codes,
// overlapping codings, memos on every kind of target, and cases with attributes. Without
// marginalia.json (as after another tool), the file still gives everything the standard holds;
// and every project.qde written validates against the standard's schema.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { projectSnapshotArb } from '../model/projectArb';
import { diffSnapshots, type ProjectSnapshot } from '../../../shared/model/snapshot';
import { composeDescription } from '../../../shared/refi/qdcDescription';
import { readQdpx } from '../../../shared/refi/qdpxRead';
import { writeProjectQde, writeQdpx } from '../../../shared/refi/qdpxWrite';
import { canValidate, PROJECT_XSD, validateAgainst } from './xmllint';

let n = 0;
const newId = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function withoutExtras(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  delete entries['marginalia.json'];
  return zipSync(entries);
}

/** What the REFI-QDA standard itself can carry of a project, in a comparable shape. */
function standardPart(p: ProjectSnapshot) {
  const sort = <T>(list: T[]): T[] => list.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x) as T);
  const caseIds = new Set(p.cases.map((c) => c.id));
  return {
    name: p.project.name,
    coders: sort(p.coders.map((c) => ({ id: c.id, name: c.name }))),
    codes: sort(p.codes.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      name: c.name,
      isCodable: c.isCodable !== false,
      color: c.color,
      definition: composeDescription({ description: c.description, inclusion: c.inclusion ?? '', exclusion: c.exclusion ?? '' }),
    }))),
    sources: sort(p.sources.map((s) => ({ id: s.id, name: s.name, text: p.sourceTexts.find((t) => t.sourceId === s.id)?.text }))),
    codings: sort(p.codings.map((c) => ({ id: c.id, sourceId: c.sourceId, codeId: c.codeId, start: c.start, end: c.end, exact: c.exact, coder: c.coder, createdAt: c.createdAt }))),
    memos: sort(p.memos.map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      // The standard has no note reference on a case: such memos arrive in the project journal.
      target: m.targetKind === 'project' || (m.targetKind === 'case' && caseIds.has(m.targetId)) ? 'project' : `${m.targetKind}:${m.targetId}`,
      createdAt: m.createdAt,
    }))),
    cases: sort(p.cases.map((c) => ({ id: c.id, name: c.name }))),
    attributes: sort(p.attributes.map((a) => ({ id: a.id, name: a.name, type: a.type === 'category' ? 'text' : a.type }))),
    caseValues: sort(p.caseValues.map((v) => ({ caseId: v.caseId, attributeId: v.attributeId, value: v.value }))),
    caseLinks: sort(p.caseLinks.map((l) => (l.start === undefined ? { caseId: l.caseId, sourceId: l.sourceId } : { id: l.id, caseId: l.caseId, sourceId: l.sourceId, start: l.start, end: l.end }))),
    codeSets: sort(p.codeSets.map((s) => ({ id: s.id, name: s.name, description: s.description, codeIds: s.codeIds }))),
  };
}

describe('.qdpx round trip', () => {
  it('gives back every record of a random project unchanged, field for field', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        const back = readQdpx(writeQdpx(project), { newId }).snapshot;
        expect(diffSnapshots(project, back)).toEqual({});
      }),
      { numRuns: 80 },
    );
  });

  it('keeps everything the standard holds when another tool drops marginalia.json', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        const { snapshot, report } = readQdpx(withoutExtras(writeQdpx(project)), { newId, projectId: project.project.id });
        expect(report.fromMarginalia).toBe(false);
        expect(standardPart(snapshot)).toEqual(standardPart(project));
      }),
      { numRuns: 60 },
    );
  });

  it('reports progress from 0 to 1 while writing and reading', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 2 })[0]!;
    const written: number[] = [];
    const read: number[] = [];
    readQdpx(writeQdpx(project, { onProgress: (f) => written.push(f) }), { newId, onProgress: (f) => read.push(f) });
    for (const steps of [written, read]) {
      expect(steps.at(-1)).toBe(1);
      expect([...steps].sort((a, b) => a - b)).toEqual(steps);
      expect(steps.length).toBeGreaterThan(2);
    }
  });

  it('writes the same bytes for the same project, so GUIDs never change between saves', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        expect(writeQdpx(project)).toEqual(writeQdpx(structuredClone(project)));
      }),
      { numRuns: 10 },
    );
  });

  it('keeps Windows line ends, a legacy coder id and a non-GUID id exactly', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 7 })[0]!;
    const text = 'first line\r\nsecond 😀 line\rthird';
    project.sourceTexts[0]!.text = text;
    project.sources[0]!.length = text.length;
    const dropped = new Set(project.codings.filter((c) => c.sourceId === project.sources[0]!.id).map((c) => c.id));
    project.codings = project.codings.filter((c) => !dropped.has(c.id));
    project.memos = project.memos.filter((m) => !dropped.has(m.targetId));
    project.codings.push({ id: 'legacy-coding', projectId: project.project.id, sourceId: project.sources[0]!.id, codeId: project.codes[0]!.id, start: 12, end: 21, exact: text.slice(12, 21), prefix: text.slice(0, 12), suffix: text.slice(21), coder: 'me', createdAt: 'not a date' });
    const back = readQdpx(writeQdpx(project), { newId }).snapshot;
    expect(diffSnapshots(project, back)).toEqual({});
  });

  it('keeps characters XML cannot carry, invalid colours and dates, and codes in a parent cycle, with a valid project.qde', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 5 })[0]!;
    project.project.name = 'Study \u0001 \uD800 one\uFFFE';
    project.codes[0]!.name = 'a\u0001b\u000Bc';
    project.codes[0]!.color = 'teal';
    project.codes[0]!.createdAt = 'yesterday';
    project.codes.push(
      { id: 'c-1', projectId: project.project.id, parentId: 'c-2', name: 'loop 1', description: '\u0002', color: '#123', order: 0, createdAt: '' },
      { id: 'c-2', projectId: project.project.id, parentId: 'c-1', name: 'loop 2', description: '', color: 'rgb(1,2,3)', order: 0, createdAt: '' },
    );
    project.coders.push({ id: 'me', projectId: project.project.id, name: '\u0000', color: '' });
    project.memos.push({ id: 'memo-odd-text', projectId: project.project.id, targetKind: 'source', targetId: project.sources[0]!.id, title: '\r', body: 'a\r\nb\u0007', author: 'me', createdAt: 'never', updatedAt: '' });
    const back = readQdpx(writeQdpx(project), { newId }).snapshot;
    expect(diffSnapshots(project, back)).toEqual({});
    if (canValidate) expect(validateAgainst(PROJECT_XSD, [writeProjectQde(project)]).output).toBe('');
  });

  it('lays out the archive in the standard form: project.qde, sources/<GUID>.txt, no folder entries', () => {
    const project = fc.sample(projectSnapshotArb, { numRuns: 1, seed: 3 })[0]!;
    const entries = unzipSync(writeQdpx(project));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(['marginalia.json', 'project.qde', ...project.sources.map((s) => `sources/${s.id}.txt`).sort()]);
    const qde = strFromU8(entries['project.qde']!);
    for (const source of project.sources) {
      expect(qde).toContain(`plainTextPath="internal://${source.id}.txt"`);
      expect(strFromU8(entries[`sources/${source.id}.txt`]!)).toBe(project.sourceTexts.find((t) => t.sourceId === source.id)!.text);
    }
    expect(entries['sources/' + project.sources[0]!.id + '.txt']![0]).not.toBe(0xef); // no BOM
    void strToU8;
  });

  it.runIf(canValidate)('writes project.qde files that validate against Project-mrt2019.xsd (xmllint)', () => {
    const projects = fc.sample(projectSnapshotArb, { numRuns: 25, seed: 42 });
    const documents = projects.map((p) => writeProjectQde(p));
    const result = validateAgainst(PROJECT_XSD, documents);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
