// Splitting a source into cases: commit a checked suggestion (cases, links to their segments,
// and, if asked, a code per speaker with a coding per segment) as one step through the one door
// (./commit.ts). Taking a split back is an ordinary undo of exactly that step: later work stays.
import type { Case } from '../../../../shared/model/cases';
import type { Code, Coding } from '../../../../shared/model/types';
import type { SplitSuggestion } from '../../../../shared/import/split/types';
import { planSplitImport } from '../../../../shared/import/split/suggestionToCases';
import { quoteAt } from '../../../../shared/text/quote';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { planNewCode } from './codes';
import { commit } from './commit';
import { newId, nowIso } from './now';
import { nextOrder } from '../../../../shared/model/order';

export type SplitKind = 'speaker-turns' | 'comment-thread' | 'custom-pattern';

/** The type of the cases a split makes: a comment thread's commenters, an interview's speakers. */
const SPLIT_CASE_TYPES: Record<SplitKind, string | undefined> = {
  'comment-thread': 'commenter',
  'speaker-turns': 'interviewee',
  'custom-pattern': undefined,
};

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

export interface SplitSummary {
  /** Cases the segments belong to, new and existing. */
  caseCount: number;
  segmentCount: number;
  /** Cases, codes and codings the split created. */
  createdCases: number;
  createdCodes: number;
  codings: number;
}

export async function commitSplit(sourceId: string, suggestion: SplitSuggestion, options: CommitSplitOptions): Promise<SplitSummary> {
  if (suggestion.segments.length === 0) throw new Error('There are no segments to turn into cases.');
  const db = getDb();
  const found = await db.sources.get(sourceId);
  if (!found) throw new Error('That source no longer exists.');
  return commit(found.projectId, 'Split a source into cases', async () => {
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
      firstOrder: nextOrder(existing),
      existingCases: new Map<string, Case>(existing.map((c) => [c.name, c])),
      ...(options.prefaceCaseName?.trim() ? { prefaceCaseName: options.prefaceCaseName.trim() } : {}),
      ...(SPLIT_CASE_TYPES[options.kind] ? { caseType: SPLIT_CASE_TYPES[options.kind] } : {}),
    });
    const changes = new ChangeSetBuilder().add('cases', ...plan.cases).add('caseLinks', ...plan.links);
    const newCodes: Code[] = [];
    const codings: Coding[] = [];
    if (options.autoCode) {
      const codes = await db.codes.where('projectId').equals(projectId).toArray();
      const parentName = SPEAKER_CODE_PARENTS[options.kind];
      let parent: Code | undefined = codes.find((c) => c.parentId === null && c.name === parentName);
      if (!parent) {
        parent = await planNewCode({ projectId, name: parentName, description: 'One code per speaker, made when a source was split into cases.' });
        newCodes.push(parent);
      }
      const parentId = parent.id;
      const children = new Map(codes.filter((c) => c.parentId === parentId).map((c) => [c.name, c]));
      for (const segment of suggestion.segments) {
        const label = segment.label.trim();
        let code = children.get(label);
        if (!code) {
          code = await planNewCode({ projectId, parentId, name: label }, newCodes);
          children.set(label, code);
          newCodes.push(code);
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
      }
    }
    changes.add('codes', ...newCodes).add('codings', ...codings);

    return {
      changes: changes.build(),
      result: {
        caseCount: new Set(plan.links.map((l) => l.caseId)).size,
        segmentCount: suggestion.segments.length,
        createdCases: plan.cases.length,
        createdCodes: newCodes.length,
        codings: codings.length,
      },
      label: `Split ${source.name} into ${plan.cases.length === 1 ? '1 case' : `${plan.cases.length} cases`}`,
    };
  });
}

