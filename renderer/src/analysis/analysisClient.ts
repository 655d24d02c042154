// The project-wide analyses (retrieval, co-occurrence, the segments CSV, find), each restricted by an optional AnalysisFilter (stores/analysisFilterStore.ts), behind one interface, so
// the UI does not care where they run: in a Web Worker that reads IndexedDB itself in the app
// (the UI thread never blocks on 100,000 codings), inline where no Worker exists (jsdom tests).
import type { CooccurrenceMatrix } from '../../../shared/analysis/cooccurrence';
import type { SegmentRef } from '../../../shared/analysis/retrieval';
import type { TextMatch } from '../../../shared/text/find';
import type { AnalysisFilter } from '../../../shared/analysis/filter';
import type { SegmentDetail } from './analysisOperations';
import type { MappedSurvey, SurveyImportSummary } from '../db/operations/imports';
import type { OpenedProjectFile, WrittenProjectFile } from './projectFileOperations';
import type { Crosstab } from '../../../shared/analysis/crosstab';
import type { CodeFrequency } from '../../../shared/analysis/codeFrequencies';
import type { WordFrequencies } from '../../../shared/analysis/wordFrequencies';
import type { CrosstabRequest, WordFrequencyRequest } from './tableOperations';
import type { AutoCodePreview, AutoCodeRequest } from './autoCodeOperations';
import type { QueryHit } from './queryOperations';
import type { Query } from '../../../shared/analysis/queries';
import type { UnitMatrixOptions } from '../../../shared/analysis/unitMatrixExport';
import type { AgreementAnswer, AgreementChoices, AgreementFiguresAnswer, AgreementViewRequest } from './agreementOperations';

export interface AnalysisClient {
  /** Gets ready (a worker started, its database open, the project's codings read) before the first request. */
  warmUp(projectId?: string): Promise<void>;
  /** Every segment of these codes across the project, in reading order (source order, start, end). */
  retrieveSegments(projectId: string, codeIds: readonly string[], filter?: AnalysisFilter): Promise<SegmentRef[]>;
  /** The text of some segments (the rows a list shows), in the order asked. */
  segmentTexts(refs: readonly SegmentRef[]): Promise<string[]>;
  /** The cases each segment is in and the text around it (the rows a list shows); `caseRevision` lets the worker reuse its case index. */
  segmentDetails(projectId: string, refs: readonly SegmentRef[], caseRevision?: number): Promise<SegmentDetail[]>;
  /** Every match of a literal query in one source, case-insensitive, in order (find in document). */
  findInSource(sourceId: string, query: string): Promise<TextMatch[]>;
  /** Overlapping codings of every pair of these codes, counted across the project. */
  cooccurrence(projectId: string, codeIds: readonly string[], filter?: AnalysisFilter): Promise<CooccurrenceMatrix>;
  /** Stores a mapped survey import, all or nothing (db/operations/imports.ts `importSurvey`). */
  storeSurvey(projectId: string, survey: MappedSurvey): Promise<SurveyImportSummary>;
  /** The coded segments CSV of the project, or of some codes only (shared/analysis/segmentsCsv.ts). */
  segmentsCsv(projectId: string, codeIds?: readonly string[], filter?: AnalysisFilter): Promise<{ projectName: string; csv: string }>;
  /** Codes × cases, attribute values or sources (shared/analysis/crosstab.ts), under a filter. */
  crosstab(projectId: string, request: CrosstabRequest): Promise<Crosstab>;
  /** The codings behind one crosstab cell, in reading order. */
  crosstabCell(projectId: string, request: CrosstabRequest, row: number, columnKey: string): Promise<SegmentRef[]>;
  /** Codings, cases and sources per code, with subcodes rolled up. */
  codeFrequencyTable(projectId: string, filter: AnalysisFilter): Promise<CodeFrequency[]>;
  /** Word counts of some sources or of some codes' segments. */
  wordFrequencyTable(projectId: string, request: WordFrequencyRequest): Promise<WordFrequencies>;
  /** What auto-coding these hits would do, without doing it. */
  previewAutoCode(projectId: string, request: AutoCodeRequest): Promise<AutoCodePreview>;
  /** Auto-codes the hits in one undoable step; answers how many codings were created. */
  commitAutoCode(projectId: string, request: AutoCodeRequest): Promise<number>;
  /** The project as `.qdpx` bytes (shared/refi's writer over readProject); `onProgress` hears how far it is (0–1). */
  writeProjectFile(projectId: string, onProgress?: (fraction: number) => void): Promise<WrittenProjectFile>;
  /** The same file for an automatic backup, written in turns with rest so coding keeps its frames. */
  writeProjectBackup(projectId: string, onProgress?: (fraction: number) => void): Promise<WrittenProjectFile>;
  /** Opens `.qdpx` bytes into a new project; throws the file's problem and stores nothing when it cannot. */
  openProjectFile(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<OpenedProjectFile>;
  /** Reads ahead what queries will need (paragraph starts) while the user builds one; answers at once. */
  prepareQueries(projectId: string): Promise<void>;
  /** The passages a coding query finds among the codings `filter` keeps, in reading order. */
  runCodingQuery(projectId: string, query: Query, filter?: AnalysisFilter): Promise<QueryHit[]>;
  /** The unit × code matrix CSV (shared/analysis/unitMatrixExport.ts). */
  unitMatrixCsv(projectId: string, options: UnitMatrixOptions): Promise<{ projectName: string; csv: string }>;
  /** The Agreement view's options: the project's coders (with their codings counted) and cases. */
  agreementChoices(projectId: string): Promise<AgreementChoices>;
  /** The agreement table's figures without the bootstrap intervals: quick, painted first. */
  agreementFigures(projectId: string, request: AgreementViewRequest): Promise<AgreementFiguresAnswer>;
  /** The agreement table with its intervals, and the passages where the coders differ (shared/analysis/agreement). */
  agreementReport(projectId: string, request: AgreementViewRequest): Promise<AgreementAnswer>;
}
