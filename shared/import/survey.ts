// The survey import in one place for the dialog: read a CSV or .xlsx into a table, suggest a
// column mapping, and plan the cases, attributes and sources it becomes.
import { parseCsv, type CsvParseOptions } from './formats/csv';
import { parseXlsx, type XlsxParseOptions } from './formats/xlsx';
import type { TableParseResult } from './survey/table';

export type { SurveyTable, TableParseResult } from './survey/table';
export { inferAttributeType, toAttributeValue, type InferredAttribute } from './survey/attributeTypes';
export {
  BLANK_ANSWER_MARKER,
  planSurveyImport,
  suggestSurveyMapping,
  validateSurveyMapping,
  type AttributeColumnMapping,
  type PlannedSegment,
  type PlannedSource,
  type SurveyImportPlan,
  type SurveyLayout,
  type SurveyMapping,
  type SurveyPlanContext,
  type SurveyPlanResult,
} from './survey/plan';

export type SurveyFormat = 'csv' | 'xlsx';

/** Reads a survey file into a table (first sheet of a workbook unless `sheet` is given). */
export function parseSurveyFile(bytes: Uint8Array, format: SurveyFormat, options: CsvParseOptions & XlsxParseOptions = {}): Promise<TableParseResult> {
  return format === 'csv' ? Promise.resolve(parseCsv(bytes, options)) : parseXlsx(bytes, options);
}
