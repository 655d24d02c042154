// Converting a codebook between the files it travels in: our CSV (and Taguette's and MAXQDA's),
// a REFI-QDA codebook (.qdc), and the codebook part of a REFI-QDA project (.qdpx). Reading goes
// through the same import plans as the app's "Import codebook", writing through the same builders
// as its exports, so a converted file is what the app would have written.
import type { Code, CodeSet, Coding } from '../model/types';
import { emptySnapshot } from '../model/snapshot';
import { decodeWithEncoding, detectEncoding } from '../import/encoding';
import { buildCodebookCsv } from './codebookCsv';
import { planCodebookCsvImport } from './importCsv';
import { planToRecords, type ImportPlan } from './importPlan';
import { buildQdc } from '../refi/qdcWrite';
import { CodebookFileError, readQdc } from '../refi/qdcRead';
import { planRefiCodebookImport } from '../refi/qdcCandidates';
import { readQdpx } from '../refi/qdpxRead';
import { writeQdpx } from '../refi/qdpxWrite';
import { decodeXmlBytes } from '../refi/qdpxRead';

export type CodebookFormat = 'csv' | 'qdc' | 'qdpx';

export interface ConvertedCodebook {
  codes: Code[];
  codeSets: CodeSet[];
  /** Codings, when the file has them (a .qdpx): the CSV's counts come from them. */
  codings: Coding[];
  /** What the reading skipped or changed, one sentence each. */
  messages: string[];
}

export interface ReadCodebookOptions {
  newId: () => string;
  now: string;
}

/** The format a file name says, or null. */
export function codebookFormatOf(fileName: string): CodebookFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'qdc' || extension === 'qdpx' ? extension : null;
}

const PROJECT_ID = 'codebook';

function fromPlan(plan: ImportPlan, options: ReadCodebookOptions): ConvertedCodebook {
  const messages: string[] = plan.messages.map((m) => m.text);
  for (const row of plan.rows) for (const m of row.messages) if (m.severity !== 'info') messages.push(`${row.where}: ${m.text}`);
  for (const set of plan.codeSets) for (const m of set.messages) if (m.severity !== 'info') messages.push(`${set.where}: ${m.text}`);
  if (plan.summary.create === 0) throw new CodebookFileError(messages[0] ?? 'The file has no codes.');
  const records = planToRecords(plan, PROJECT_ID, options.now, options.newId);
  return { codes: records.codes, codeSets: records.codeSets, codings: [], messages };
}

/** Reads a codebook; throws CodebookFileError (a sentence) when the file holds none. */
export function readCodebook(format: CodebookFormat, bytes: Uint8Array, options: ReadCodebookOptions): ConvertedCodebook {
  switch (format) {
    case 'csv': {
      const decoded = decodeWithEncoding(bytes, detectEncoding(bytes).label);
      if (!decoded.ok) throw new CodebookFileError(decoded.reason);
      return fromPlan(planCodebookCsvImport(decoded.text, []), options);
    }
    case 'qdc':
      return fromPlan(planRefiCodebookImport(readQdc(decodeXmlBytes(bytes)), []), options);
    case 'qdpx': {
      const { snapshot, report } = readQdpx(bytes, { newId: options.newId, now: options.now });
      return { codes: snapshot.codes, codeSets: snapshot.codeSets, codings: snapshot.codings, messages: report.entries.filter((e) => e.kind !== 'info').map((e) => e.text) };
    }
  }
}

/** Writes a codebook in a format: CSV text (with BOM), .qdc XML, or a .qdpx holding only the codebook. */
export function writeCodebook(format: CodebookFormat, codebook: ConvertedCodebook, options: { name: string; now: string }): Uint8Array {
  switch (format) {
    case 'csv':
      return new TextEncoder().encode(buildCodebookCsv(codebook.codes, codebook.codings));
    case 'qdc':
      return new TextEncoder().encode(buildQdc({ codes: codebook.codes, codeSets: codebook.codeSets }));
    case 'qdpx': {
      const snapshot = emptySnapshot({ id: PROJECT_ID, name: options.name, createdAt: options.now, updatedAt: options.now });
      snapshot.codes = codebook.codes.map((c) => ({ ...c, projectId: PROJECT_ID }));
      const ids = new Set(snapshot.codes.map((c) => c.id));
      snapshot.codeSets = codebook.codeSets.map((s) => ({ ...s, projectId: PROJECT_ID, codeIds: s.codeIds.filter((id) => ids.has(id)) }));
      return writeQdpx(snapshot);
    }
  }
}
