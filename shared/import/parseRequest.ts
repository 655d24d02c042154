// The message a parsing worker receives and the one it sends back: everything the shared
// parsers can read, keyed by format. Pure, so the worker is a thin wrapper and tests call this.
import { parseSharedDocument, type SharedDocumentFormat } from './parseDocument';
import { limitSourceLength, type ParseResult } from './result';
import { parseSurveyFile } from './survey';
import type { TableParseResult } from './survey/table';

export interface ParseRequest {
  format: SharedDocumentFormat | 'csv' | 'xlsx';
  bytes: Uint8Array;
  /** Encoding chosen by the user (text, HTML, CSV); sheet name (xlsx). */
  encoding?: string;
  sheet?: string;
}

export type ParseResponse =
  | { kind: 'document'; result: ParseResult }
  | { kind: 'survey'; result: TableParseResult };

export async function runParseRequest(request: ParseRequest): Promise<ParseResponse> {
  const options = {
    ...(request.encoding !== undefined ? { encoding: request.encoding } : {}),
    ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
  };
  if (request.format === 'csv' || request.format === 'xlsx') {
    return { kind: 'survey', result: await parseSurveyFile(request.bytes, request.format, options) };
  }
  return { kind: 'document', result: limitSourceLength(await parseSharedDocument(request.format, request.bytes, options)) };
}

/** What a reader that crashed or hung reports, so the user still gets a sentence, not silence. */
export function failedResponse(format: ParseRequest['format'], reason: string): ParseResponse {
  return format === 'csv' || format === 'xlsx' ? { kind: 'survey', result: { ok: false, reason } } : { kind: 'document', result: { ok: false, reason } };
}
