// Named operations that store what the import dialog has read: a parsed document becomes a
// source, a mapped survey becomes cases, attributes, sources and the links between them. Each
// file is its own commit (./commit.ts), so one file that cannot be stored never takes the
// others with it, none is ever half-stored, and each import is one undoable step.
import type { Source, SourceText } from '../../../../shared/model/types';
import type { AttributeDefinition } from '../../../../shared/model/cases';
import type { ImportFormat } from '../../../../shared/import/limits';
import { planSurveyImport, type SurveyMapping } from '../../../../shared/import/survey/plan';
import type { SurveyTable } from '../../../../shared/import/survey/table';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { getDb } from '../db';
import { commit } from './commit';
import { newId, nowIso } from './now';
import { nextOrder } from '../../../../shared/model/order';

/** A document the dialog has read and the user has accepted. */
export interface ParsedDocument {
  /** The file name, which becomes the source name. */
  name: string;
  /** Normalised text (LF line endings, no BOM): what every offset will index. */
  text: string;
  /** How the bytes were decoded, for display ("UTF-8", "Windows-1252"); the format's name for binary formats. */
  encoding: string;
  byteSize: number;
  format: ImportFormat;
  pageStarts?: number[];
  /** The file as it was picked, kept with the source (see SourceOriginal); absent when there is none. */
  original?: Uint8Array;
}

/** The extension a source's original is stored and exported under: the file name's, or "bin". */
export function originalExtension(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : 'bin';
}

/** Bytes with a buffer of their own: a view into a larger buffer would store all of it. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function nextSourceOrder(projectId: string): Promise<number> {
  return nextOrder(await getDb().sources.where('projectId').equals(projectId).toArray());
}

async function requireProject(projectId: string): Promise<void> {
  if (!(await getDb().projects.get(projectId))) throw new Error('That project no longer exists.');
}

/** Stores one document as a source (metadata and text together). Returns the new source id. */
export async function importDocument(projectId: string, document: ParsedDocument): Promise<string> {
  if (document.text.trim() === '') throw new Error('The file holds no text.');
  return commit(projectId, 'Import a document', async () => {
    await requireProject(projectId);
    const now = nowIso();
    const source: Source = {
      id: newId(),
      projectId,
      name: document.name,
      length: document.text.length,
      encoding: document.encoding,
      byteSize: document.byteSize,
      importedAt: now,
      order: await nextSourceOrder(projectId),
      format: document.format,
      ...(document.pageStarts && document.pageStarts.length > 0 ? { pageStarts: [...document.pageStarts] } : {}),
    };
    const changes = new ChangeSetBuilder().add('sources', source).add('sourceTexts', { sourceId: source.id, projectId, text: document.text });
    // The original goes in the same step: one undo takes the source and its file together.
    if (document.original) changes.add('sourceOriginals', { sourceId: source.id, projectId, extension: originalExtension(document.name), bytes: ownBytes(document.original) });
    return {
      changes: changes.build(),
      result: source.id,
      label: `Import ${document.name}`,
    };
  });
}

/** A survey file as the mapping step left it. */
export interface MappedSurvey {
  /** The file name; sources are named "<file> – <column>" or "<file> – <respondent>". */
  name: string;
  byteSize: number;
  format: 'csv' | 'xlsx';
  /** How the file was decoded ("UTF-8 with BOM"); absent for .xlsx. */
  encoding?: string;
  table: SurveyTable;
  mapping: SurveyMapping;
}

export interface SurveyImportSummary {
  sourceIds: string[];
  caseIds: string[];
  /** Attributes created by this import (existing ones with the same name are reused). */
  attributeIds: string[];
  warnings: string[];
}

/**
 * Stores a survey in one transaction: a case per respondent with its attribute values, the
 * answer sources, and a link from each case to what it wrote. The plan is made inside the
 * transaction so attribute reuse and case order see the project as it is when it is written.
 */
export async function importSurvey(projectId: string, survey: MappedSurvey): Promise<SurveyImportSummary> {
  const db = getDb();
  return commit(projectId, 'Import a survey', async () => {
    await requireProject(projectId);
    const existing = await db.attributeDefinitions.where('projectId').equals(projectId).toArray();
    const cases = await db.cases.where('projectId').equals(projectId).toArray();
    const now = nowIso();
    const planned = planSurveyImport(survey.table, survey.mapping, {
      projectId,
      newId,
      now,
      firstCaseOrder: nextOrder(cases),
      existingAttributes: new Map<string, AttributeDefinition>(existing.map((a) => [a.name, a])),
      sourceNamePrefix: survey.name,
    });
    if (!planned.ok) throw new Error(planned.reason);
    const { plan } = planned;
    let order = await nextSourceOrder(projectId);
    const encoding = survey.encoding ?? (survey.format === 'xlsx' ? 'Excel workbook' : 'UTF-8');
    const sources: Source[] = plan.sources.map((s) => ({
      id: s.id,
      projectId,
      name: s.name,
      length: s.text.length,
      encoding,
      byteSize: survey.byteSize,
      importedAt: now,
      order: order++,
      format: survey.format,
    }));
    const texts: SourceText[] = plan.sources.map((s) => ({ sourceId: s.id, projectId, text: s.text }));
    const firstAttributeOrder = nextOrder(existing);
    const changes = new ChangeSetBuilder()
      .add('cases', ...plan.cases)
      // New attributes keep the order of their columns in the file.
      .add('attributes', ...plan.attributes.map((a, i) => ({ ...a, order: firstAttributeOrder + i })))
      .add('caseValues', ...plan.values.flatMap((v) => (v.value === null ? [] : [{ projectId, caseId: v.caseId, attributeId: v.attributeId, value: v.value }])))
      .add('sources', ...sources)
      .add('sourceTexts', ...texts)
      .add('caseLinks', ...plan.links);
    return {
      changes: changes.build(),
      result: {
        sourceIds: sources.map((s) => s.id),
        caseIds: plan.cases.map((c) => c.id),
        attributeIds: plan.attributes.map((a) => a.id),
        warnings: plan.warnings,
      },
      label: `Import ${survey.name} (${plan.cases.length === 1 ? '1 case' : `${plan.cases.length} cases`})`,
    };
  });
}
