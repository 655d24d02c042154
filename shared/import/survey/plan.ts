// Turns a survey table and the user's column mapping into what the import stores: a case per
// respondent with their attribute values, the sources holding the open-ended answers, and the
// links saying which part of which source each respondent wrote. Pure: ids and the clock are
// passed in, the renderer writes the result in one transaction.
import type { AttributeDefinition, AttributeType, Case, CaseAttributeValue, CaseLink } from '../../model/cases';
import { compareCategories, inferAttributeType, toAttributeValue } from './attributeTypes';
import type { SurveyTable } from './table';

/**
 * What a blank answer becomes in a source. A blank is data (the respondent skipped the
 * question), so it keeps its place and its segment, which can be coded and counted like any
 * other; an empty segment could not be seen, selected or coded. "Don't know" and similar
 * answers are text the respondent gave and are kept exactly as written.
 */
export const BLANK_ANSWER_MARKER = '[no answer]';

export type SurveyLayout = 'source-per-question' | 'source-per-respondent';

export interface AttributeColumnMapping {
  column: string;
  type: AttributeType;
  /** The attribute's name in the project; the column name by default. */
  name?: string;
  /** For 'category': the allowed values in display order; the column's values by default. */
  categories?: string[];
}

export interface SurveyMapping {
  /** The column that identifies a respondent; its value becomes the case name. */
  idColumn: string;
  /** Open-ended answer columns, in the order they become sources or sections. */
  textColumns: string[];
  attributeColumns: AttributeColumnMapping[];
  layout: SurveyLayout;
}

/** Where one answer sits in a planned source. */
export interface PlannedSegment {
  caseId: string;
  column: string;
  start: number;
  end: number;
  blank: boolean;
}

export interface PlannedSource {
  id: string;
  name: string;
  /** Already normalised (LF only): store as the source text. */
  text: string;
  /** Every answer in the source, for previews and auto-coding by question or respondent. */
  segments: PlannedSegment[];
}

export interface SurveyImportPlan {
  cases: Case[];
  /** New attribute definitions only; existing ones that were reused are not repeated. */
  attributes: AttributeDefinition[];
  values: CaseAttributeValue[];
  sources: PlannedSource[];
  links: CaseLink[];
  warnings: string[];
}

export interface SurveyPlanContext {
  projectId: string;
  newId: () => string;
  /** ISO 8601 time for createdAt. */
  now: string;
  /** Order of the first new case (after the project's existing cases). Default 1. */
  firstCaseOrder?: number;
  /** Attributes the project already has, by name: reused (with their type) instead of duplicated. */
  existingAttributes?: ReadonlyMap<string, AttributeDefinition>;
  /** Prefix for source names, e.g. the file name: "survey.csv – q7_alliance_view". */
  sourceNamePrefix?: string;
}

export type SurveyPlanResult = { ok: true; plan: SurveyImportPlan } | { ok: false; reason: string };

/** A first mapping to show: the user corrects it. Text columns are the long, varied ones. */
export function suggestSurveyMapping(table: SurveyTable): SurveyMapping {
  const columnValues = (i: number) => table.rows.map((r) => r[i] ?? '');
  const idIndex = Math.max(
    0,
    table.columns.findIndex((name, i) => {
      const values = columnValues(i).map((v) => v.trim());
      return /\bid\b|_id$|^id|respondent|participant/i.test(name) && values.every((v) => v !== '') && new Set(values).size === values.length;
    }),
  );
  const textColumns: string[] = [];
  const attributeColumns: AttributeColumnMapping[] = [];
  table.columns.forEach((column, i) => {
    if (i === idIndex) return;
    const values = columnValues(i);
    const inferred = inferAttributeType(values);
    const present = values.filter((v) => v.trim() !== '');
    const meanLength = present.reduce((n, v) => n + v.length, 0) / Math.max(present.length, 1);
    if (inferred.type === 'text' && meanLength >= 15) textColumns.push(column);
    else attributeColumns.push({ column, type: inferred.type, ...(inferred.categories ? { categories: inferred.categories } : {}) });
  });
  return { idColumn: table.columns[idIndex] ?? '', textColumns, attributeColumns, layout: 'source-per-question' };
}

/** Null when the mapping can be imported, else what to fix. */
export function validateSurveyMapping(table: SurveyTable, mapping: SurveyMapping): string | null {
  const has = (column: string) => table.columns.includes(column);
  if (!has(mapping.idColumn)) return 'Choose the column that identifies each respondent.';
  if (mapping.textColumns.length === 0) return 'Choose at least one column of open-ended answers.';
  for (const column of mapping.textColumns) if (!has(column)) return `There is no column named “${column}”.`;
  if (mapping.textColumns.includes(mapping.idColumn)) return 'The respondent id column cannot also be an answer column.';
  for (const a of mapping.attributeColumns) if (!has(a.column)) return `There is no column named “${a.column}”.`;
  const names = mapping.attributeColumns.map((a) => (a.name ?? a.column).trim());
  if (names.some((n) => n === '')) return 'Every attribute needs a name.';
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) return `Two attributes are both named “${duplicate}”.`;
  const idIndex = table.columns.indexOf(mapping.idColumn);
  const firstRowOf = new Map<string, number>();
  for (let r = 0; r < table.rows.length; r++) {
    const id = (table.rows[r]![idIndex] ?? '').trim();
    if (id === '') continue;
    const earlier = firstRowOf.get(id);
    if (earlier !== undefined) {
      return `The respondent id “${id}” appears in rows ${earlier + 1} and ${r + 1}. Ids must be unique: choose another id column or fix the file.`;
    }
    firstRowOf.set(id, r);
  }
  return null;
}

/** Builds one source's text block by block, remembering where each answer lands. */
class SourceWriter {
  text = '';
  segments: PlannedSegment[] = [];

  /** A heading line (respondent id or question), then the answer, then a blank line before the next. */
  add(heading: string, answer: string, caseId: string, column: string): void {
    if (this.text !== '') this.text += '\n\n';
    this.text += `${heading.replace(/\s*\n\s*/g, ' ')}\n`;
    const blank = answer.trim() === '';
    const body = blank ? BLANK_ANSWER_MARKER : answer.trim().replace(/\r\n?/g, '\n');
    const start = this.text.length;
    this.text += body;
    this.segments.push({ caseId, column, start, end: this.text.length, blank });
  }
}

export function planSurveyImport(table: SurveyTable, mapping: SurveyMapping, context: SurveyPlanContext): SurveyPlanResult {
  const invalid = validateSurveyMapping(table, mapping);
  if (invalid) return { ok: false, reason: invalid };
  const warnings: string[] = [];
  const col = (name: string) => table.columns.indexOf(name);
  const idIndex = col(mapping.idColumn);
  const id = () => context.newId();

  const cases: Case[] = table.rows.map((row, r) => {
    let name = (row[idIndex] ?? '').trim();
    if (name === '') {
      name = `Row ${r + 1}`;
      warnings.push(`Row ${r + 1} has no respondent id; its case is called “${name}”.`);
    }
    // One case per respondent: typed so, and so are the attributes the survey brings.
    return { id: id(), projectId: context.projectId, name, order: (context.firstCaseOrder ?? 1) + r, createdAt: context.now, type: 'respondent' };
  });

  const attributes: AttributeDefinition[] = [];
  const values: CaseAttributeValue[] = [];
  for (const mapped of mapping.attributeColumns) {
    const name = (mapped.name ?? mapped.column).trim();
    const index = col(mapped.column);
    const existing = context.existingAttributes?.get(name);
    const type = existing?.type ?? mapped.type;
    const column = table.rows.map((row) => row[index] ?? '');
    let definition: AttributeDefinition;
    if (existing) {
      definition = existing;
    } else {
      definition = { id: id(), projectId: context.projectId, name, type, caseType: 'respondent' };
      if (type === 'category') {
        // Keep every value that occurs, even if the user's list left one out: nothing is lost.
        const listed = mapped.categories ?? inferAttributeType(column).categories ?? [];
        const extra = [...new Set(column.map((v) => v.trim()).filter((v) => v !== '' && !listed.includes(v)))].sort(compareCategories);
        definition.categories = [...listed, ...extra];
      }
      attributes.push(definition);
    }
    let unreadable = 0;
    column.forEach((cell, r) => {
      const converted = toAttributeValue(cell, type);
      if (!converted.ok) {
        unreadable++;
        if (unreadable <= 3) warnings.push(`Row ${r + 1}: “${cell.trim()}” is not a ${type} value for “${name}”; it was left blank.`);
      }
      values.push({ id: id(), projectId: context.projectId, caseId: cases[r]!.id, attributeId: definition.id, value: converted.ok ? converted.value : null });
    });
    if (unreadable > 3) warnings.push(`…and ${unreadable - 3} more values of “${name}” were left blank.`);
  }

  const sources: PlannedSource[] = [];
  const links: CaseLink[] = [];
  const prefix = context.sourceNamePrefix ? `${context.sourceNamePrefix} – ` : '';
  if (mapping.layout === 'source-per-question') {
    for (const column of mapping.textColumns) {
      const index = col(column);
      const writer = new SourceWriter();
      table.rows.forEach((row, r) => writer.add(cases[r]!.name, row[index] ?? '', cases[r]!.id, column));
      const source: PlannedSource = { id: id(), name: `${prefix}${column}`, text: writer.text, segments: writer.segments };
      sources.push(source);
      for (const s of writer.segments) {
        links.push({ id: id(), projectId: context.projectId, caseId: s.caseId, sourceId: source.id, start: s.start, end: s.end });
      }
    }
  } else {
    table.rows.forEach((row, r) => {
      const owner = cases[r]!;
      const writer = new SourceWriter();
      for (const column of mapping.textColumns) writer.add(column, row[col(column)] ?? '', owner.id, column);
      const source: PlannedSource = { id: id(), name: `${prefix}${owner.name}`, text: writer.text, segments: writer.segments };
      sources.push(source);
      // The respondent wrote the whole source.
      links.push({ id: id(), projectId: context.projectId, caseId: owner.id, sourceId: source.id });
    });
  }
  return { ok: true, plan: { cases, attributes, values, sources, links, warnings } };
}
