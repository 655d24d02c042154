// fast-check arbitraries for whole projects: sources with hard text (astral characters,
// combining marks, right-to-left script, line breaks), nested codes, overlapping codings on code
// point boundaries, memos on every kind of target, cases with attributes, values and links,
// coders and code sets. Shared by the change-set properties and the project-file round trips.
import fc from 'fast-check';
import type { Code, CodeSet, Coding, Memo, Project, Source, SourceText } from '../../../shared/model/types';
import type { AttributeDefinition, Case, CaseLink } from '../../../shared/model/cases';
import type { CaseValue } from '../../../shared/model/entities';
import type { Coder } from '../../../shared/model/coder';
import type { JsonValue, SavedQuery } from '../../../shared/model/savedQuery';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';

const PROJECT = 'a0000000-0000-4000-8000-000000000001';
const TIME = '2025-03-01T10:00:00.000Z';

/** Pieces of text that offsets trip over. */
const piece = fc.constantFrom('a', 'Tokyo ', '😀', '👩‍👩‍👧', 'é', 'e\u0301', 'مرحبا ', 'שלום', '\n', '\n\n', '東京', ' ', '\t', 'Ω');
export const sourceTextArb = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(''));

/** Code point boundaries of a text, as UTF-16 offsets (0 and length included). */
export function boundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    out.push(at);
  }
  return out;
}

const uuid = fc.uuid({ version: 4 });
const nameArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'x');

export const projectSnapshotArb: fc.Arbitrary<ProjectSnapshot> = fc
  .record({
    texts: fc.array(sourceTextArb, { minLength: 1, maxLength: 4 }),
    codeCount: fc.integer({ min: 1, max: 8 }),
    caseCount: fc.integer({ min: 0, max: 4 }),
    coderNames: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 3 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    ids: fc.uniqueArray(uuid, { minLength: 200, maxLength: 200 }),
    names: fc.array(nameArb, { minLength: 40, maxLength: 40 }),
  })
  .map(({ texts, codeCount, caseCount, coderNames, seed, ids, names }) => {
    let s = 0;
    const next = (n: number): number => (n <= 0 ? 0 : seed[s++ % seed.length]! % n);
    let i = 0;
    const id = (): string => ids[i++]!;
    const name = (): string => names[next(names.length)]!;
    const project: Project = { id: PROJECT, name: 'Project', createdAt: TIME, updatedAt: TIME };
    const coders: Coder[] = coderNames.map((n) => ({ id: id(), projectId: PROJECT, name: n, color: '#336699' }));
    const sources: Source[] = [];
    const sourceTexts: SourceText[] = [];
    texts.forEach((text, order) => {
      const sourceId = id();
      sources.push({ id: sourceId, projectId: PROJECT, name: `${name()} ${order}`, length: text.length, encoding: 'UTF-8', byteSize: text.length, importedAt: TIME, order, format: 'text' });
      sourceTexts.push({ sourceId, projectId: PROJECT, text });
    });
    const codes: Code[] = [];
    for (let c = 0; c < codeCount; c++) {
      const parent = c > 0 && next(2) === 0 ? codes[next(c)]!.id : null;
      codes.push({ id: id(), projectId: PROJECT, parentId: parent, name: `${name()} ${c}`, description: next(2) ? name() : '', color: '#aa3300', order: c, createdAt: TIME, ...(next(3) === 0 ? { isCodable: false } : {}) });
    }
    const codings: Coding[] = [];
    for (const { sourceId, text } of sourceTexts) {
      const b = boundaries(text);
      const n = next(5);
      for (let k = 0; k < n && b.length > 1; k++) {
        const x = next(b.length - 1);
        const y = x + 1 + next(b.length - 1 - x);
        const start = b[x]!;
        const end = b[y]!;
        codings.push({ id: id(), projectId: PROJECT, sourceId, codeId: codes[next(codes.length)]!.id, start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), coder: coders[next(coders.length)]!.id, createdAt: TIME });
      }
    }
    const cases: Case[] = [];
    for (let c = 0; c < caseCount; c++) cases.push({ id: id(), projectId: PROJECT, name: `${name()} ${c}`, order: c, createdAt: TIME });
    const attributes: AttributeDefinition[] = caseCount > 0
      ? [
          { id: id(), projectId: PROJECT, name: 'age', type: 'number', order: 0 },
          { id: id(), projectId: PROJECT, name: 'region', type: 'category', categories: ['Kanto', 'Kansai'], order: 1 },
        ]
      : [];
    const caseValues: CaseValue[] = [];
    for (const c of cases) {
      if (next(3)) caseValues.push({ projectId: PROJECT, caseId: c.id, attributeId: attributes[0]!.id, value: 20 + next(50) });
      if (next(3)) caseValues.push({ projectId: PROJECT, caseId: c.id, attributeId: attributes[1]!.id, value: next(2) ? 'Kanto' : 'Kansai' });
    }
    const caseLinks: CaseLink[] = [];
    for (const c of cases) {
      const { sourceId, text } = sourceTexts[next(sourceTexts.length)]!;
      const b = boundaries(text);
      if (next(2) || b.length < 2) caseLinks.push({ id: id(), projectId: PROJECT, caseId: c.id, sourceId });
      else {
        const x = next(b.length - 1);
        caseLinks.push({ id: id(), projectId: PROJECT, caseId: c.id, sourceId, start: b[x]!, end: b[x + 1 + next(b.length - 1 - x)]!, order: 1 });
      }
    }
    const codeSets: CodeSet[] = next(2) ? [{ id: id(), projectId: PROJECT, name: 'Set', description: '', codeIds: codes.filter(() => next(2) === 0).map((c) => c.id) }] : [];
    const targets: Array<[Memo['targetKind'], string]> = [
      ['project', PROJECT],
      ...sources.map((x): [Memo['targetKind'], string] => ['source', x.id]),
      ...codes.map((x): [Memo['targetKind'], string] => ['code', x.id]),
      ...codings.map((x): [Memo['targetKind'], string] => ['coding', x.id]),
      ...cases.map((x): [Memo['targetKind'], string] => ['case', x.id]),
    ];
    const memos: Memo[] = targets
      .filter(() => next(3) === 0)
      .map(([targetKind, targetId]) => ({ id: id(), projectId: PROJECT, targetKind, targetId, title: name(), body: `**${name()}**\n\n- 😀 ${name()}`, author: coders[0]!.id, createdAt: TIME, updatedAt: TIME }));
    // Saved queries and filters: definitions are plain JSON naming codes, cases and attributes.
    const savedQueries: SavedQuery[] = [];
    for (let q = next(4); q > 0; q--) {
      const a = codes[next(codes.length)]!.id;
      const b = codes[next(codes.length)]!.id;
      const definition: Record<string, JsonValue> = next(2)
        ? { kind: 'near', a: { codeId: a, includeSubcodes: next(2) === 0 }, b: { codeId: b }, distance: next(5), unit: 'paragraphs' }
        : { caseIds: cases.filter(() => next(2) === 0).map((c) => c.id), attributes: attributes.slice(1).map((x) => ({ attributeId: x.id, op: 'in', values: ['Kanto', name(), 3, true] })), coders: [] };
      savedQueries.push({ id: id(), projectId: PROJECT, name: name(), type: 'kind' in definition ? 'query' : 'filter', definition, createdAt: TIME, updatedAt: TIME, ...(next(2) ? { order: q } : {}) });
    }
    return { project, coders, sources, sourceTexts, codes, codeSets, cases, attributes, caseValues, caseLinks, codings, memos, savedQueries };
  });

/**
 * Another state of the same project: some records dropped, some edited, some added (fresh ids).
 * Not always a valid project (a coding may outlive its code): change sets do not care.
 */
export function mutatedArb(base: ProjectSnapshot): fc.Arbitrary<ProjectSnapshot> {
  return fc.record({ drops: fc.array(fc.nat(), { maxLength: 30 }), edits: fc.array(fc.nat(), { maxLength: 30 }), fresh: fc.uniqueArray(uuid, { maxLength: 6 }) }).map(({ drops, edits, fresh }) => {
    const drop = new Set(drops);
    const edit = new Set(edits);
    let n = 0;
    const keep = <T>(list: T[], change: (t: T) => T): T[] =>
      list.flatMap((t) => {
        const k = n++;
        if (drop.has(k)) return [];
        return [edit.has(k) ? change(t) : t];
      });
    const out: ProjectSnapshot = {
      project: { ...base.project, name: edit.has(999) ? 'Renamed' : base.project.name },
      coders: keep(base.coders, (c) => ({ ...c, name: `${c.name}!` })),
      sources: keep(base.sources, (x) => ({ ...x, name: `${x.name} (2)` })),
      sourceTexts: base.sourceTexts,
      codes: keep(base.codes, (c) => ({ ...c, color: '#000000', description: `${c.description}+` })),
      codeSets: keep(base.codeSets, (c) => ({ ...c, codeIds: c.codeIds.slice(1) })),
      cases: keep(base.cases, (c) => ({ ...c, name: `${c.name}*` })),
      attributes: keep(base.attributes, (a) => ({ ...a, name: `${a.name}_` })),
      caseValues: keep(base.caseValues, (v) => ({ ...v, value: typeof v.value === 'number' ? v.value + 1 : `${String(v.value)}?` })),
      caseLinks: keep(base.caseLinks, (l) => ({ ...l, order: (l.order ?? 0) + 1 })),
      codings: keep(base.codings, (c) => ({ ...c, codeId: base.codes[0]!.id })),
      memos: keep(base.memos, (m) => ({ ...m, body: `${m.body}\nmore` })),
      savedQueries: keep(base.savedQueries, (q) => ({ ...q, name: `${q.name} (2)`, definition: { wrapped: q.definition } })),
    };
    for (const id of fresh) {
      out.codes.push({ id, projectId: base.project.id, parentId: null, name: `New ${id.slice(0, 4)}`, description: '', color: '#123456', order: 99, createdAt: TIME });
    }
    return out;
  });
}
