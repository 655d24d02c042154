// The two CSV exports of a whole project read from a file (the command line's `export`), built
// with exactly the builders the app uses, so a script gets the same bytes as a click.
import type { ProjectSnapshot } from '../model/snapshot';
import { buildCodebookCsv } from '../codebook/codebookCsv';
import { buildSegmentsCsv } from './segmentsCsv';
import { codingMemoTexts } from './codingMemoTexts';
import type { CaseData } from './caseData';
import type { CaseIndex } from './caseIndex';

export function codebookCsvOf(snapshot: ProjectSnapshot): string {
  return buildCodebookCsv(snapshot.codes, snapshot.codings);
}

/** A snapshot's cases as the analyses take them. */
export function caseDataOfSnapshot(snapshot: Pick<ProjectSnapshot, 'cases' | 'attributes' | 'caseValues' | 'caseLinks'>): CaseData {
  return { cases: snapshot.cases, attributes: snapshot.attributes, values: snapshot.caseValues, links: snapshot.caseLinks };
}

/**
 * The segments CSV of a snapshot's codings (all of them, or the ones an app export kept), with the
 * `case` and `attribute:<name>` columns filled from its cases (`cases`: an index already built).
 */
export function segmentsCsvOf(snapshot: Pick<ProjectSnapshot, 'sources' | 'sourceTexts' | 'codes' | 'codings' | 'memos' | 'coders' | 'cases' | 'attributes' | 'caseValues' | 'caseLinks'>, cases?: CaseIndex): string {
  return buildSegmentsCsv({
    sources: snapshot.sources,
    texts: new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text])),
    codes: snapshot.codes,
    codings: snapshot.codings,
    codingMemos: codingMemoTexts(snapshot.memos),
    cases: cases ?? caseDataOfSnapshot(snapshot),
    coders: snapshot.coders,
  });
}
