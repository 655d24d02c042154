// "Code the result" of a query or a search: new codings of one code for a list of passages, as a
// preview and one change set (one undoable step). A passage is trimmed of surrounding whitespace;
// it is skipped when a coding of that code already covers it (an existing coding, or an earlier
// passage of the same list), and refused with a reason when it cannot be coded (empty, only
// whitespace, splits a character, outside the text).
import type { ChangeSet } from '../model/changeSet';
import type { Coding } from '../model/types';
import { quoteAt } from '../text/quote';
import { checkCodableSpan, trimSpan } from '../text/span';
import { SortedSpans } from './spanSearch';

export interface PassageToCode {
  sourceId: string;
  start: number;
  end: number;
}

export type PlannedStatus = 'new' | 'alreadyCoded' | 'invalid';

export interface PlannedCoding {
  sourceId: string;
  start: number;
  end: number;
  /** The passage's text (what the preview shows). */
  exact: string;
  status: PlannedStatus;
  /** Why a passage is not coded (status other than 'new'). */
  reason?: string;
}

export interface CodingPlanInput {
  passages: Iterable<PassageToCode>;
  codeId: string;
  /** The text of a source; undefined when the source no longer exists. */
  textOf: (sourceId: string) => string | undefined;
  /** The project's codings (only those of `codeId` are read). */
  existing: ReadonlyArray<Pick<Coding, 'sourceId' | 'codeId' | 'start' | 'end'>>;
  projectId: string;
  coder: string;
  createdAt: string;
  newId: () => string;
}

export interface CodingPlan {
  preview: PlannedCoding[];
  changes: ChangeSet;
  added: number;
  skipped: number;
}

/** The passages planned in one source (see planCodings). */
interface PlannedSpans {
  list: Array<{ start: number; end: number }>;
  /** Whether every passage so far started at or after the one before. */
  inOrder: boolean;
  lastStart: number;
  maxEnd: number;
}

export function planCodings(input: CodingPlanInput): CodingPlan {
  const coded = new Map<string, Array<{ start: number; end: number }>>();
  for (const c of input.existing) {
    if (c.codeId !== input.codeId) continue;
    const list = coded.get(c.sourceId);
    if (list) list.push(c);
    else coded.set(c.sourceId, [c]);
  }
  const indexes = new Map<string, SortedSpans<{ start: number; end: number }>>();
  const added: Coding[] = [];
  const preview: PlannedCoding[] = [];
  // Passages planned so far, per source: a later passage inside one of them is a repeat. Hits come
  // in reading order, so while the starts only grow, "inside one of them" is "ends no later than
  // the furthest end so far" (every earlier one starts at or before): one comparison, not a walk
  // over thousands of passages. A passage out of order makes that source's test a walk again.
  const planned = new Map<string, PlannedSpans>();
  for (const passage of input.passages) {
    const text = input.textOf(passage.sourceId);
    if (text === undefined) {
      preview.push({ ...passage, exact: '', status: 'invalid', reason: 'The source no longer exists.' });
      continue;
    }
    const inRange = Number.isInteger(passage.start) && Number.isInteger(passage.end) && passage.start >= 0 && passage.end <= text.length && passage.start < passage.end;
    const { start, end } = inRange ? trimSpan(text, passage.start, passage.end) : passage;
    const check = checkCodableSpan(text, start, end);
    if (!check.ok) {
      preview.push({ sourceId: passage.sourceId, start, end, exact: inRange ? text.slice(start, end) : '', status: 'invalid', reason: check.reason });
      continue;
    }
    const exact = text.slice(start, end);
    let index = indexes.get(passage.sourceId);
    if (!index) indexes.set(passage.sourceId, (index = new SortedSpans(coded.get(passage.sourceId) ?? [])));
    const covers = (s: { start: number; end: number }): boolean => s.start <= start && s.end >= end;
    let spans = planned.get(passage.sourceId);
    if (!spans) planned.set(passage.sourceId, (spans = { list: [], inOrder: true, lastStart: -Infinity, maxEnd: -Infinity }));
    const repeat = spans.inOrder && start >= spans.lastStart ? spans.maxEnd >= end : spans.list.some(covers);
    if (repeat || index.reaching(start, end).some(covers)) {
      preview.push({ sourceId: passage.sourceId, start, end, exact, status: 'alreadyCoded', reason: 'Already coded with this code.' });
      continue;
    }
    if (start < spans.lastStart) spans.inOrder = false;
    spans.list.push({ start, end });
    spans.lastStart = Math.max(spans.lastStart, start);
    spans.maxEnd = Math.max(spans.maxEnd, end);
    const quote = quoteAt(text, start, end);
    added.push({
      id: input.newId(),
      projectId: input.projectId,
      sourceId: passage.sourceId,
      codeId: input.codeId,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      coder: input.coder,
      createdAt: input.createdAt,
    });
    preview.push({ sourceId: passage.sourceId, start, end, exact, status: 'new' });
  }
  return {
    preview,
    changes: added.length > 0 ? { codings: { added, updated: [], removed: [] } } : {},
    added: added.length,
    skipped: preview.length - added.length,
  };
}
