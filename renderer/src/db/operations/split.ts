// Named operations for splitting a source into cases: commit a checked suggestion (cases,
// links to their segments, and, if asked, a code per speaker with a coding per segment) in one
// transaction, and take a split back with one undo that deletes exactly what it created.
//
// What a split created is recorded in the settings table under "split:<projectId>:<time>:<id>"
// rather than kept in memory, so "Undo split" still works after a reload. Settings is the
// project-agnostic key–value table; the record is small (ids only).
import type { Case } from '../../../../shared/model/cases';
import type { Code, Coding } from '../../../../shared/model/types';
import type { SplitSuggestion } from '../../../../shared/import/split/types';
import { planSplitImport } from '../../../../shared/import/split/suggestionToCases';
import { quoteAt } from '../../../../shared/text/quote';
import { getDb } from '../db';
import { addLinks, caseDataTables, deleteLinks, deleteLinksOfCases, deleteValuesOfCases } from '../caseRepository';
import { codingTables, deleteCodingsOfCodes, deleteCodingsOfSourceById, putCodings } from '../codingsRepository';
import { createCodeInTx } from './codes';
import { newId, nowIso } from './now';

export type SplitKind = 'speaker-turns' | 'comment-thread' | 'custom-pattern';

/** The parent code under which per-speaker codes are made, by kind of split. */
export const SPEAKER_CODE_PARENTS: Readonly<Record<SplitKind, string>> = {
  'speaker-turns': 'Speakers',
  'comment-thread': 'Commenters',
  'custom-pattern': 'Segments',
};

export interface CommitSplitOptions {
  kind: SplitKind;
  /** When set, the preface (the article before a comment thread) becomes a case of this name. */
  prefaceCaseName?: string;
  /** Code every segment with a code named by its speaker (under SPEAKER_CODE_PARENTS[kind]). */
  autoCode?: boolean;
  /** Recorded on the codings. */
  coder: string;
}

/** Everything one split created, so that undoing it removes exactly that. */
export interface SplitRecord {
  key: string;
  projectId: string;
  sourceId: string;
  sourceName: string;
  kind: SplitKind;
  createdAt: string;
  /** Cases the split created (existing cases it linked to are not listed: they stay). */
  caseIds: string[];
  linkIds: string[];
  codeIds: string[];
  codingIds: string[];
}

export interface SplitSummary {
  record: SplitRecord;
  /** Cases the segments belong to, new and existing. */
  caseCount: number;
  segmentCount: number;
}

const RECORD_PREFIX = 'split:';

function recordPrefix(projectId: string): string {
  return `${RECORD_PREFIX}${projectId}:`;
}

export async function commitSplit(sourceId: string, suggestion: SplitSuggestion, options: CommitSplitOptions): Promise<SplitSummary> {
  if (suggestion.segments.length === 0) throw new Error('There are no segments to turn into cases.');
  const db = getDb();
  const tables = [db.projects, db.sources, db.sourceTexts, db.cases, ...caseDataTables(), db.codes, ...codingTables(), db.settings];
  return db.transaction('rw', tables, async () => {
    const source = await db.sources.get(sourceId);
    if (!source) throw new Error('That source no longer exists.');
    const text = (await db.sourceTexts.get(sourceId))?.text;
    if (text === undefined) throw new Error('The source text is missing.');
    for (const s of suggestion.segments) {
      if (s.start < 0 || s.end > text.length || s.start >= s.end) throw new Error('A segment lies outside the source text; make the suggestion again.');
    }
    const projectId = source.projectId;
    const existing = await db.cases.where('projectId').equals(projectId).toArray();
    const now = nowIso();
    const plan = planSplitImport(suggestion, {
      projectId,
      sourceId,
      newId,
      now,
      firstOrder: existing.reduce((max, c) => Math.max(max, c.order), 0) + 1,
      existingCases: new Map<string, Case>(existing.map((c) => [c.name, c])),
      ...(options.prefaceCaseName?.trim() ? { prefaceCaseName: options.prefaceCaseName.trim() } : {}),
    });
    await db.cases.bulkAdd(plan.cases);
    await addLinks(plan.links);

    const codeIds: string[] = [];
    const codingIds: string[] = [];
    if (options.autoCode) {
      const codes = await db.codes.where('projectId').equals(projectId).toArray();
      const parentName = SPEAKER_CODE_PARENTS[options.kind];
      let parent: Code | undefined = codes.find((c) => c.parentId === null && c.name === parentName);
      if (!parent) {
        parent = await createCodeInTx({ projectId, name: parentName, description: 'One code per speaker, made when a source was split into cases.' });
        codeIds.push(parent.id);
      }
      const children = new Map(codes.filter((c) => c.parentId === parent!.id).map((c) => [c.name, c]));
      const codings: Coding[] = [];
      for (const segment of suggestion.segments) {
        const label = segment.label.trim();
        let code = children.get(label);
        if (!code) {
          code = await createCodeInTx({ projectId, parentId: parent.id, name: label });
          children.set(label, code);
          codeIds.push(code.id);
        }
        const coding: Coding = {
          id: newId(),
          projectId,
          sourceId,
          codeId: code.id,
          start: segment.start,
          end: segment.end,
          ...quoteAt(text, segment.start, segment.end),
          coder: options.coder,
          createdAt: now,
        };
        codings.push(coding);
        codingIds.push(coding.id);
      }
      await putCodings(codings);
    }

    const record: SplitRecord = {
      key: `${recordPrefix(projectId)}${now}:${newId()}`,
      projectId,
      sourceId,
      sourceName: source.name,
      kind: options.kind,
      createdAt: now,
      caseIds: plan.cases.map((c) => c.id),
      linkIds: plan.links.map((l) => l.id),
      codeIds,
      codingIds,
    };
    await db.settings.put({ key: record.key, value: record });
    await db.projects.update(projectId, { updatedAt: now });
    return { record, caseCount: new Set(plan.links.map((l) => l.caseId)).size, segmentCount: suggestion.segments.length };
  });
}

/** The splits of a project that can still be undone, latest first. */
export async function listSplitRecords(projectId: string): Promise<SplitRecord[]> {
  const rows = await getDb().settings.where('key').startsWith(recordPrefix(projectId)).toArray();
  return rows.map((r) => r.value as SplitRecord).sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/**
 * Takes a split back: its links, the cases it created (with anything since attached to them),
 * the per-speaker codes it created and its codings, in one transaction. Codings the user made
 * later with those codes go too, as deleting a code always takes its codings.
 */
export async function undoSplit(key: string): Promise<SplitRecord> {
  const db = getDb();
  const tables = [db.settings, db.cases, ...caseDataTables(), db.codes, ...codingTables(), db.memos];
  return db.transaction('rw', tables, async () => {
    const row = await db.settings.get(key);
    if (!row) throw new Error('That split has already been undone.');
    const record = row.value as SplitRecord;
    await deleteLinks(record.sourceId, record.linkIds);
    if (record.caseIds.length > 0) {
      await deleteLinksOfCases(record.projectId, record.caseIds);
      await deleteValuesOfCases(record.projectId, record.caseIds);
      await db.memos.where('targetId').anyOf(record.caseIds).delete();
      await db.cases.bulkDelete(record.caseIds);
    }
    await db.memos.where('targetId').anyOf([...record.codeIds, ...record.codingIds]).delete();
    await removeCodings(record);
    await db.codes.bulkDelete(record.codeIds);
    await db.settings.delete(key);
    return record;
  });
}

/** The split's codings, and any made since with the codes it created (deleting a code takes its codings). */
async function removeCodings(record: SplitRecord): Promise<void> {
  await deleteCodingsOfCodes(record.codeIds);
  await deleteCodingsOfSourceById(record.sourceId, record.codingIds);
}
