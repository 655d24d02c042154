// Databases as each shipped schema version left them: the same small project (two sources, a
// code hierarchy, codings folded and recent, a recoded coding, a coding memo, and from v4 a case
// with an attribute value and a link) written with that version's schema constant and in the
// row shapes of its era, for the upgrade tests to open with today's code.
import Dexie from 'dexie';
import type { Code, Coding, Memo, Source } from '../../../shared/model/types';
import { schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8, schemaV11 } from '../../../renderer/src/db/schema';
import { packCodingsV7 as packCodings } from '../../../renderer/src/db/migrations/packCodingsV7';

/** Every schema version that shipped, oldest first. */
// v9–v11 only added tables (history, coders, saved queries, originals): v11 stands for them, the last
// with v7's quotes rows.
export const SHIPPED_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 11] as const;
export type ShippedVersion = (typeof SHIPPED_VERSIONS)[number];

const SCHEMAS: Record<ShippedVersion, Record<string, string | null>> = {
  1: schemaV1, 2: schemaV2, 3: schemaV3, 4: schemaV4, 5: schemaV5, 6: schemaV6, 7: schemaV7, 8: schemaV8, 11: schemaV11,
};

export const PROJECT = 'p-ferry';

export const TEXTS = {
  's-diary': 'Monday. The bus was late again 😔 and I missed the clinic.\nTuesday. Walked home in the dark.',
  's-notes': 'The driver said the route will close. Nobody asked the riders. كان الانتظار طويلا',
} as const;
type SourceId = keyof typeof TEXTS;

// The notes are listed first: reading order follows the list, not the import.
export const SOURCES: Source[] = [
  { id: 's-diary', projectId: PROJECT, name: 'diary.txt', length: TEXTS['s-diary'].length, encoding: 'UTF-8', byteSize: 98, importedAt: '2024-01-02T10:00:00.000Z', order: 2 },
  { id: 's-notes', projectId: PROJECT, name: 'notes.txt', length: TEXTS['s-notes'].length, encoding: 'UTF-8 with BOM', byteSize: 120, importedAt: '2024-01-02T10:01:00.000Z', order: 1 },
];

export const CODES: Code[] = [
  { id: 'c-access', projectId: PROJECT, parentId: null, name: 'Access', description: 'Getting to services', color: '#336699', order: 1, createdAt: '2024-01-02T11:00:00.000Z' },
  { id: 'c-night', projectId: PROJECT, parentId: 'c-access', name: 'Night travel', description: '', color: '#993366', order: 1, createdAt: '2024-01-02T11:01:00.000Z' },
  { id: 'c-safety', projectId: PROJECT, parentId: null, name: 'Safety', description: '', color: '#669933', order: 2, createdAt: '2024-01-02T11:02:00.000Z' },
];

function coding(id: string, sourceId: SourceId, codeId: string, exact: string, coder: string, createdAt: string): Coding {
  const text = TEXTS[sourceId];
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${sourceId}`);
  const end = start + exact.length;
  return { id, projectId: PROJECT, sourceId, codeId, start, end, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), coder, createdAt };
}

/** What every era's database holds, whatever layout it used: the codings a user sees. */
export const CODINGS: Coding[] = [
  coding('k-bus', 's-diary', 'c-access', 'The bus was late again 😔', 'Ada', '2024-01-03T09:00:00.000Z'),
  coding('k-walk', 's-diary', 'c-night', 'Walked home in the dark.', 'Ada', '2024-01-03T09:01:00.000Z'),
  coding('k-dark', 's-diary', 'c-safety', 'home in the dark', 'Ben', '2024-01-04T12:00:00Z'),
  coding('k-route', 's-notes', 'c-access', 'the route will close', 'Ben', '2024-01-03T09:02:00.000Z'),
  coding('k-nobody', 's-notes', 'c-safety', 'route will close. Nobody', 'Ada', '2024-01-03T09:03:00.000Z'),
  coding('k-riders', 's-notes', 'c-safety', 'Nobody asked the riders.', 'Ada', '2024-01-05T08:00:00.000Z'),
];

/** Interactive edits not yet folded (v3 on): rows beside the folded layout. */
const RECENT = new Set(['k-dark', 'k-riders']);
/**
 * `k-dark` was folded under Access, then recoded to Safety: its row shadows the folded copy
 * (v3 on), and the upgrade must keep the recoded one.
 */
const FOLDED_BEFORE_RECODING: Coding = { ...CODINGS.find((c) => c.id === 'k-dark')!, codeId: 'c-access' };

export const CODING_MEMO: Memo = {
  id: 'm-bus', projectId: PROJECT, targetKind: 'coding', targetId: 'k-bus', title: '', body: 'Late *again*, the third time.',
  author: 'Ada', createdAt: '2024-01-03T09:05:00.000Z', updatedAt: '2024-01-03T09:05:00.000Z',
};

export const CASE = { id: 'case-ana', projectId: PROJECT, name: 'Ana', order: 1, createdAt: '2024-01-06T00:00:00.000Z' };
export const AGE = { id: 'attr-age', projectId: PROJECT, name: 'age', type: 'number' as const, order: 1 };
export const LINK = { id: 'link-ana-diary', projectId: PROJECT, caseId: CASE.id, sourceId: 's-diary', order: 1 };

function folded(): Coding[] {
  return [...CODINGS.filter((c) => !RECENT.has(c.id)), FOLDED_BEFORE_RECODING];
}

const bySource = (codings: Coding[]) => Object.keys(TEXTS).map((sourceId) => ({ sourceId, codings: codings.filter((c) => c.sourceId === sourceId) }));

function counts(codings: Coding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codings) out[c.codeId] = (out[c.codeId] ?? 0) + 1;
  return out;
}

/** Writes the project into a new database at `version`, with that version's schema and rows; returns its name. */
export async function writeEraDatabase(version: ShippedVersion): Promise<string> {
  const name = `era-v${version}-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  db.version(version).stores(SCHEMAS[version]);
  await db.open();
  await db.table('projects').add({ id: PROJECT, name: 'Ferry study', createdAt: '2024-01-02T09:00:00.000Z', updatedAt: '2024-01-06T00:00:00.000Z' });
  await db.table('sources').bulkAdd(SOURCES);
  await db.table('sourceTexts').bulkAdd(Object.entries(TEXTS).map(([sourceId, text]) => ({ sourceId, projectId: PROJECT, text })));
  await db.table('codes').bulkAdd(CODES);
  await db.table('memos').add(CODING_MEMO);
  await db.table('settings').add({ key: 'lastProjectId', value: PROJECT });

  if (version === 1) {
    // v1 codings had no projectId.
    await db.table('codings').bulkAdd(CODINGS.map(({ projectId: _, ...row }) => row));
  } else if (version === 2) {
    await db.table('codings').bulkAdd(CODINGS);
  } else {
    await db.table('codings').bulkAdd(CODINGS.filter((c) => RECENT.has(c.id)));
    if (version <= 4) {
      await db.table('codingBlocks').bulkAdd(bySource(folded()).map(({ sourceId, codings }) => ({ sourceId, projectId: PROJECT, codings })));
    } else if (version <= 6) {
      const blocks = bySource(folded()).flatMap(({ sourceId, codings }) =>
        [...new Set(codings.map((c) => c.codeId))].map((codeId) => ({ sourceId, codeId, projectId: PROJECT, codings: codings.filter((c) => c.codeId === codeId) })),
      );
      await db.table('codeBlocks').bulkAdd(blocks);
      await db.table('codingStats').bulkAdd(bySource(folded()).map(({ sourceId, codings }) => ({ sourceId, projectId: PROJECT, counts: counts(codings) })));
    } else {
      const packed = bySource(folded()).map(({ sourceId, codings }) => packCodings(sourceId, PROJECT, codings));
      await db.table('sourceCodings').bulkAdd(packed.map((p) => p.columns));
      await db.table('codingQuotes').bulkAdd(packed.map((p) => p.quotes));
      await db.table('codingStats').bulkAdd(
        bySource(folded()).map(({ sourceId, codings }) => ({ sourceId, projectId: PROJECT, counts: counts(codings), stamp: `stamp-${sourceId}` })),
      );
    }
  }

  if (version >= 4) {
    await db.table('cases').add(CASE);
    await db.table('attributeDefinitions').add(AGE);
    await db.table('codeSets').add({ id: 'set-round-1', projectId: PROJECT, name: 'Round 1', description: '', codeIds: ['c-safety', 'c-access'] });
    if (version <= 7) {
      await db.table('caseAttributeValues').add({ id: 'value-ana-age', projectId: PROJECT, caseId: CASE.id, attributeId: AGE.id, value: 52 });
      await db.table('caseLinks').add(LINK);
    } else {
      await db.table('attributeValues').add({ attributeId: AGE.id, projectId: PROJECT, values: { [CASE.id]: 52 } });
      await db.table('caseLinkBlocks').add({ sourceId: LINK.sourceId, projectId: PROJECT, links: [LINK] });
    }
  }
  db.close();
  return name;
}
