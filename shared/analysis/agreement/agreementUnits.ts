// The units agreement is computed on, built from a project: sentences or paragraphs of the chosen
// sources, segments (case links with a start and end: speaker turns, split comments, survey
// answers), or whole cases. Character level has no unit list: see `codedPatterns`.
import type { Case, CaseLink } from '../../model/cases';
import type { Source, SourceText } from '../../model/types';
import { segmentParagraphs } from './paragraphUnits';
import { segmentSentences } from './sentenceUnits';
import { trimWhitespace } from './textSpan';

export type UnitKind = 'character' | 'sentence' | 'paragraph' | 'segment' | 'case';

export const UNIT_KINDS: readonly UnitKind[] = ['character', 'sentence', 'paragraph', 'segment', 'case'];

/** A place in a source: UTF-16 offsets into its normalised text, end exclusive. */
export interface SourceSpan {
  sourceId: string;
  start: number;
  end: number;
}

/** One unit of analysis: one span, or several (a case speaking in several places). */
export interface AgreementUnit {
  id: string;
  /** For a person: "Interview 3, paragraph 12", "Respondent 17". */
  label: string;
  spans: SourceSpan[];
}

export interface UnitProject {
  sources: readonly Source[];
  sourceTexts: readonly SourceText[];
  cases: readonly Case[];
  caseLinks: readonly CaseLink[];
}

export interface UnitScope {
  /** The sources to include (all when absent). */
  sourceIds?: readonly string[];
  /**
   * The cases to include (all when absent). At sentence and paragraph level a unit is kept when it
   * overlaps a chosen case's linked text; at segment and case level only those cases' links count.
   */
  caseIds?: readonly string[];
}

/** The chosen sources in source-list order, with their texts. */
export function sourcesInScope(project: Pick<UnitProject, 'sources' | 'sourceTexts'>, sourceIds?: readonly string[]): Array<{ source: Source; text: string }> {
  const wanted = sourceIds ? new Set(sourceIds) : null;
  const texts = new Map(project.sourceTexts.map((t) => [t.sourceId, t.text]));
  return [...project.sources]
    .filter((s) => (wanted ? wanted.has(s.id) : true) && texts.has(s.id))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map((source) => ({ source, text: texts.get(source.id)! }));
}

/** The span a case link covers: its segment, or the whole source when it links the whole source. */
export function linkSpan(link: CaseLink, text: string): SourceSpan {
  const start = Math.max(0, Math.min(text.length, link.start ?? 0));
  const end = Math.max(start, Math.min(text.length, link.end ?? text.length));
  return { sourceId: link.sourceId, start, end };
}

export function buildUnits(kind: Exclude<UnitKind, 'character'>, project: UnitProject, scope: UnitScope = {}): AgreementUnit[] {
  const sources = sourcesInScope(project, scope.sourceIds);
  const textOf = new Map(sources.map(({ source, text }) => [source.id, text]));
  const nameOf = new Map(sources.map(({ source }) => [source.id, source.name]));
  const chosenCases = scope.caseIds ? new Set(scope.caseIds) : null;
  const links = project.caseLinks.filter((l) => textOf.has(l.sourceId) && (chosenCases ? chosenCases.has(l.caseId) : true));

  if (kind === 'sentence' || kind === 'paragraph') {
    const region = chosenCases ? regionOf(links, textOf) : null;
    const units: AgreementUnit[] = [];
    for (const { source, text } of sources) {
      const spans = kind === 'sentence' ? segmentSentences(text) : segmentParagraphs(text);
      const inRegion = region ? region.get(source.id) ?? [] : null;
      spans.forEach((span, i) => {
        if (inRegion && !inRegion.some((r) => r.start < span.end && r.end > span.start)) return;
        units.push({ id: `${source.id}:${span.start}`, label: `${source.name}, ${kind} ${i + 1}`, spans: [{ sourceId: source.id, ...span }] });
      });
    }
    return units;
  }

  const caseName = new Map(project.cases.map((c) => [c.id, c.name]));
  if (kind === 'segment') {
    const order = new Map(sources.map(({ source }, i) => [source.id, i]));
    return links
      .map((link) => ({ link, span: trimmed(linkSpan(link, textOf.get(link.sourceId)!), textOf) }))
      .filter(({ span }) => span.end > span.start)
      .sort((a, b) => order.get(a.span.sourceId)! - order.get(b.span.sourceId)! || a.span.start - b.span.start || a.span.end - b.span.end)
      .map(({ link, span }) => ({
        id: link.id,
        label: `${caseName.get(link.caseId) ?? 'Unknown case'}, ${nameOf.get(link.sourceId)}${link.timestamp ? ` ${link.timestamp}` : ''}`,
        spans: [span],
      }));
  }

  // Cases: every chosen case with text in the chosen sources, in case-list order.
  const spansOf = new Map<string, SourceSpan[]>();
  for (const link of links) {
    const span = trimmed(linkSpan(link, textOf.get(link.sourceId)!), textOf);
    if (span.end <= span.start) continue;
    const list = spansOf.get(link.caseId) ?? [];
    list.push(span);
    spansOf.set(link.caseId, list);
  }
  return [...project.cases]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .filter((c) => spansOf.has(c.id))
    .map((c) => ({ id: c.id, label: c.name, spans: spansOf.get(c.id)! }));
}

function trimmed(span: SourceSpan, textOf: ReadonlyMap<string, string>): SourceSpan {
  return { sourceId: span.sourceId, ...trimWhitespace(textOf.get(span.sourceId)!, span.start, span.end) };
}

/** The text the chosen cases cover, per source. */
export function regionOf(links: readonly CaseLink[], textOf: ReadonlyMap<string, string>): Map<string, SourceSpan[]> {
  const region = new Map<string, SourceSpan[]>();
  for (const link of links) {
    const text = textOf.get(link.sourceId);
    if (text === undefined) continue;
    const list = region.get(link.sourceId) ?? [];
    list.push(linkSpan(link, text));
    region.set(link.sourceId, list);
  }
  return region;
}
