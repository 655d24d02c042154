// What a project file holds, as counts a script can check (`marginalia info`), plus what opening
// it reported.
import type { ProjectSnapshot } from '../model/snapshot';
import type { QdpxReport } from './qdpxReport';
import { createOffsetConverter } from '../text/offsets';

export interface ProjectSummary {
  name: string;
  origin: string | null;
  sources: number;
  codes: number;
  codings: number;
  coders: number;
  notes: number;
  cases: number;
  attributes: number;
  codeSets: number;
  /** Characters of source text, in Unicode code points. */
  characters: number;
  notRead: string[];
  repaired: string[];
}

export function summariseProject(snapshot: ProjectSnapshot, report: QdpxReport): ProjectSummary {
  let characters = 0;
  for (const { text } of snapshot.sourceTexts) characters += createOffsetConverter(text).codePointLength;
  return {
    name: snapshot.project.name,
    origin: report.origin,
    sources: snapshot.sources.length,
    codes: snapshot.codes.length,
    codings: snapshot.codings.length,
    coders: snapshot.coders.length,
    notes: snapshot.memos.length,
    cases: snapshot.cases.length,
    attributes: snapshot.attributes.length,
    codeSets: snapshot.codeSets.length,
    characters,
    notRead: report.entries.filter((e) => e.kind === 'not-read').map((e) => e.text),
    repaired: report.entries.filter((e) => e.kind === 'repaired').map((e) => e.text),
  };
}
