// The v7 upgrade's packer, frozen: a copy of codingColumns.packCodings as it was when schema v7
// shipped. An upgrade must write exactly the layout its version defines, so it never calls live
// code that a later version may change; if the live packer changes, this copy must not.
import type { Coding } from '../../../../shared/model/types';

/** The v7 `sourceCodings` record (see codingColumns.SourceCodings at v7). */
export interface SourceCodingsV7 {
  sourceId: string;
  projectId: string;
  codeIds: string[];
  code: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  idText: string;
  idEnds: Uint32Array;
  coders: string[];
  coder: Uint32Array;
  created: Float64Array;
  createdText: Record<number, string>;
}

/** The v7 `codingQuotes` record. */
export interface SourceQuotesV7 {
  sourceId: string;
  exact: string[];
  prefix: string[];
  suffix: string[];
}

function dictionary(values: string[]): (value: string) => number {
  const index = new Map(values.map((v, i) => [v, i]));
  return (value) => {
    let at = index.get(value);
    if (at === undefined) {
      at = values.length;
      values.push(value);
      index.set(value, at);
    }
    return at;
  };
}

export function packCodingsV7(sourceId: string, projectId: string, codings: readonly Coding[]): { columns: SourceCodingsV7; quotes: SourceQuotesV7 } {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  const n = sorted.length;
  const codeIds: string[] = [];
  const coders: string[] = [];
  const codeAt = dictionary(codeIds);
  const coderAt = dictionary(coders);
  const columns: SourceCodingsV7 = {
    sourceId,
    projectId,
    codeIds,
    code: new Uint32Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    idText: '',
    idEnds: new Uint32Array(n),
    coders,
    coder: new Uint32Array(n),
    created: new Float64Array(n),
    createdText: {},
  };
  const quotes: SourceQuotesV7 = { sourceId, exact: new Array<string>(n), prefix: new Array<string>(n), suffix: new Array<string>(n) };
  const idParts = new Array<string>(n);
  let idLength = 0;
  sorted.forEach((coding, i) => {
    columns.code[i] = codeAt(coding.codeId);
    columns.starts[i] = coding.start;
    columns.ends[i] = coding.end;
    idParts[i] = coding.id;
    idLength += coding.id.length;
    columns.idEnds[i] = idLength;
    columns.coder[i] = coderAt(coding.coder);
    const ms = Date.parse(coding.createdAt);
    columns.created[i] = ms;
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== coding.createdAt) columns.createdText[i] = coding.createdAt;
    quotes.exact[i] = coding.exact;
    quotes.prefix[i] = coding.prefix;
    quotes.suffix[i] = coding.suffix;
  });
  columns.idText = idParts.join('');
  return { columns, quotes };
}
