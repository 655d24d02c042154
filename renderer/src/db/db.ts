// The one typed Dexie database. Only the data layer (operations and repositories) writes to it;
// components read through useLiveQuery and write through named operations.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { honourStrictDurability } from './durability';
import type { Code, CodeSet, Coding, Memo, Project, Source, SourceOriginal, SourceText } from '../../../shared/model/types';
import type { AttributeDefinition, AttributeValue, Case, CaseAttributeValue, CaseLink } from '../../../shared/model/cases';
import { DATABASE_NAME, schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8, schemaV9, schemaV10, schemaV11, schemaV12, schemaV13 } from './schema';
import type { QuotePart, SourceCodings } from './codingColumns';
import type { StoredCodingChanges } from './historyCodings';
import { packCodingsV7, type SourceCodingsV7, type SourceQuotesV7 } from './migrations/packCodingsV7';
import { quotePartsV12 } from './migrations/quotePartsV12';
import type { ChangeSet } from '../../../shared/model/changeSet';
import type { Coder } from '../../../shared/model/coder';
import type { SavedQuery } from '../../../shared/model/savedQuery';

/** All codings of one code in one source, folded into one record (schemaV5–6; moved by v7, dropped by v8). */
export interface CodeBlock {
  sourceId: string;
  codeId: string;
  projectId: string;
  codings: Coding[];
}

/** How many block codings each code has in one source (rows are counted on read). */
export interface CodingStats {
  sourceId: string;
  projectId: string;
  counts: Record<string, number>;
  /** New on every write of the source's folded codings: tells a moved coding from an unchanged count. */
  stamp?: string;
}

/**
 * A source's write stamp on its own (schemaV13), the same as its CodingStats' and written with
 * it: what the analysis worker reads to know which cached columns moved, without the counts.
 */
export interface CodingStamp {
  sourceId: string;
  projectId: string;
  stamp: string;
}

/** Every case's value for one attribute, by case id; a missing value is absent (see schemaV8). */
export interface AttributeValues {
  attributeId: string;
  projectId: string;
  values: Record<string, AttributeValue>;
}

/** Every case link into one source, whole-source and segment links alike (see schemaV8). */
export interface CaseLinkBlock {
  sourceId: string;
  projectId: string;
  links: CaseLink[];
}

/**
 * One step of a project's history (schemaV9): what it changed and how to take it back. `seq`
 * grows by one per step within a project; `undone` is 1 for a step that was undone and can be
 * redone (the redo branch, discarded by the next new step).
 */
export interface HistoryEntry {
  projectId: string;
  seq: number;
  /** What the user did, in their words: "Apply Distrust of China to 3 passages". */
  label: string;
  /** Who did it: the coder's id in this project (`Coder.id`; "me" for steps from before coders). */
  coder: string;
  /** ISO 8601. */
  time: string;
  /**
   * What the step changed. Read it with `stepChanges` (operations/history.ts): since the packed
   * form (../historyCodings.ts) its codings are in `codings`, not here.
   */
  changes: ChangeSet;
  /** Steps written before the packed form carry their inverse; later ones derive it (it is mechanical). */
  inverse?: ChangeSet;
  /** The step's codings, packed: structured cloning a merge's 50,000 codings as objects took seconds. */
  codings?: StoredCodingChanges;
  undone: 0 | 1;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type MarginaliaDb = Dexie & {
  projects: EntityTable<Project, 'id'>;
  sources: EntityTable<Source, 'id'>;
  sourceTexts: Table<SourceText, string>;
  sourceOriginals: Table<SourceOriginal, string>;
  codes: EntityTable<Code, 'id'>;
  codings: EntityTable<Coding, 'id'>;
  codingStats: Table<CodingStats, string>;
  codingStamps: Table<CodingStamp, string>;
  sourceCodings: Table<SourceCodings, string>;
  quoteParts: Table<QuotePart, [string, number]>;
  cases: EntityTable<Case, 'id'>;
  attributeDefinitions: EntityTable<AttributeDefinition, 'id'>;
  attributeValues: Table<AttributeValues, string>;
  caseLinkBlocks: Table<CaseLinkBlock, string>;
  codeSets: EntityTable<CodeSet, 'id'>;
  memos: EntityTable<Memo, 'id'>;
  settings: Table<Setting, string>;
  history: Table<HistoryEntry, [string, number]>;
  coders: EntityTable<Coder, 'id'>;
  savedQueries: EntityTable<SavedQuery, 'id'>;
};

export function openDatabase(name: string = DATABASE_NAME): MarginaliaDb {
  const db = new Dexie(name) as MarginaliaDb;
  honourStrictDurability(db);
  db.version(1).stores(schemaV1);
  db.version(2)
    .stores(schemaV2)
    .upgrade(async (tx) => {
      const projectOfSource = new Map<string, string>();
      await tx
        .table('sources')
        .each((source: Source) => projectOfSource.set(source.id, source.projectId));
      await tx
        .table('codings')
        .toCollection()
        .modify((coding: Coding) => {
          coding.projectId = projectOfSource.get(coding.sourceId) ?? '';
        });
    });
  db.version(3).stores(schemaV3);
  db.version(4).stores(schemaV4);
  db.version(5)
    .stores(schemaV5)
    .upgrade(async (tx) => {
      // v3/v4 kept one block per source: split each into per-code blocks and count them.
      const oldBlocks = (await tx.table('codingBlocks').toArray()) as Array<{ sourceId: string; projectId: string; codings: Coding[] }>;
      for (const block of oldBlocks) {
        const byCode = new Map<string, Coding[]>();
        for (const coding of block.codings) {
          const list = byCode.get(coding.codeId);
          if (list) list.push(coding);
          else byCode.set(coding.codeId, [coding]);
        }
        await tx.table('codeBlocks').bulkPut(
          [...byCode].map(([codeId, codings]) => ({ sourceId: block.sourceId, codeId, projectId: block.projectId, codings })),
        );
        await tx.table('codingStats').put({
          sourceId: block.sourceId,
          projectId: block.projectId,
          counts: Object.fromEntries([...byCode].map(([codeId, codings]) => [codeId, codings.length])),
        });
      }
      await tx.table('codingBlocks').clear();
    });
  db.version(6).stores(schemaV6);
  db.version(7)
    .stores(schemaV7)
    .upgrade(async (tx) => {
      // Per-(source, code) blocks of Coding objects become one record of columns per source.
      const blocks = (await tx.table('codeBlocks').toArray()) as CodeBlock[];
      const bySource = new Map<string, { projectId: string; codings: Coding[] }>();
      for (const block of blocks) {
        const entry = bySource.get(block.sourceId) ?? { projectId: block.projectId, codings: [] };
        entry.codings.push(...block.codings);
        bySource.set(block.sourceId, entry);
      }
      const packed = [...bySource].map(([sourceId, { projectId, codings }]) => packCodingsV7(sourceId, projectId, codings));
      await tx.table('sourceCodings').bulkPut(packed.map((p) => p.columns));
      await tx.table('codingQuotes').bulkPut(packed.map((p) => p.quotes));
      await tx.table('codeBlocks').clear();
    });
  db.version(8)
    .stores(schemaV8)
    .upgrade(async (tx) => {
      // One row per value and per link become one row per attribute and per source. A blank
      // (null) value was a row of its own; now it is simply absent.
      const values = new Map<string, AttributeValues>();
      await tx.table('caseAttributeValues').each((row: CaseAttributeValue) => {
        if (row.value === null) return;
        let entry = values.get(row.attributeId);
        if (!entry) values.set(row.attributeId, (entry = { attributeId: row.attributeId, projectId: row.projectId, values: {} }));
        entry.values[row.caseId] = row.value;
      });
      const blocks = new Map<string, CaseLinkBlock>();
      await tx.table('caseLinks').each((link: CaseLink) => {
        let block = blocks.get(link.sourceId);
        if (!block) blocks.set(link.sourceId, (block = { sourceId: link.sourceId, projectId: link.projectId, links: [] }));
        block.links.push(link);
      });
      await tx.table('attributeValues').bulkPut([...values.values()]);
      await tx.table('caseLinkBlocks').bulkPut([...blocks.values()]);
    });
  db.version(9)
    .stores(schemaV9)
    .upgrade(async (tx) => {
      // See schemaV9: old split records cannot be turned into history faithfully.
      await tx.table('settings').where('key').startsWith('split:').delete();
    });
  db.version(10).stores(schemaV10);
  db.version(11).stores(schemaV11);
  db.version(12)
    .stores(schemaV12)
    .upgrade(async (tx) => {
      // Each v7 quotes row becomes its source's part 0; the columns learn where each quote is.
      // (Dexie drops `codingQuotes` after the upgrades have run.)
      const quotes = new Map(((await tx.table('codingQuotes').toArray()) as SourceQuotesV7[]).map((q) => [q.sourceId, q]));
      const columns = (await tx.table('sourceCodings').toArray()) as SourceCodingsV7[];
      const moved = columns.map((c) => quotePartsV12(c, quotes.get(c.sourceId)));
      await tx.table('sourceCodings').bulkPut(moved.map((m) => m.columns));
      await tx.table('quoteParts').bulkPut(moved.map((m) => m.part));
    });
  db.version(13)
    .stores(schemaV13)
    .upgrade(async (tx) => {
      // Every stats row's stamp, copied; a row from before stamps gets one (in both places).
      const stats = (await tx.table('codingStats').toArray()) as CodingStats[];
      const unstamped = stats.filter((s) => s.stamp === undefined).map((s) => ({ ...s, stamp: crypto.randomUUID() }));
      await tx.table('codingStats').bulkPut(unstamped);
      const stamped = new Map(unstamped.map((s) => [s.sourceId, s.stamp]));
      await tx.table('codingStamps').bulkPut(stats.map((s): CodingStamp => ({ sourceId: s.sourceId, projectId: s.projectId, stamp: s.stamp ?? stamped.get(s.sourceId)! })));
    });
  return db;
}

let current: MarginaliaDb | undefined;

/** The app's database, opened on first use. Tests swap it with `replaceDatabase`. */
export function getDb(): MarginaliaDb {
  current ??= openDatabase();
  return current;
}

export function replaceDatabase(db: MarginaliaDb): void {
  current = db;
}
