// The two CSV exports of a whole project read from a file (the command line's `export`), built
// with exactly the builders the app uses, so a script gets the same bytes as a click.
import type { ProjectSnapshot } from '../model/snapshot';
import { buildCodebookCsv } from '../codebook/codebookCsv';
import { buildSegmentsCsv } from './segmentsCsv';
import { codingMemoTexts } from './codingMemoTexts';

export function codebookCsvOf(snapshot: ProjectSnapshot): string {
  return buildCodebookCsv(snapshot.codes, snapshot.codings);
}

export function segmentsCsvOf(snapshot: ProjectSnapshot): string {
  return buildSegmentsCsv({
    sources: snapshot.sources,
    texts: new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text])),
    codes: snapshot.codes,
    codings: snapshot.codings,
    codingMemos: codingMemoTexts(snapshot.memos),
    coders: snapshot.coders,
  });
}
