// A query's hits as they cross from the analysis worker to the page: as columns, not objects.

/** One passage a query found, with the codes of the codings behind it (for the list's colours). */
export interface QueryHit {
  sourceId: string;
  start: number;
  end: number;
  codeIds: string[];
}

/**
 * Hits as columns, for the trip from the worker to the page: cloning 30,000 small objects with
 * arrays in them cost ~200 ms, a few typed arrays almost nothing (as ./segmentPacking.ts).
 */
export interface PackedHits {
  sourceIds: string[];
  codeIds: string[];
  source: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The codes of every hit end to end (positions in `codeIds`); hit i's end at `codeEnds[i]`. */
  codes: Uint32Array;
  codeEnds: Uint32Array;
}

export function packHits(hits: readonly QueryHit[]): PackedHits {
  const sourceIds: string[] = [];
  const codeIds: string[] = [];
  const sourceAt = new Map<string, number>();
  const codeAt = new Map<string, number>();
  const n = hits.length;
  const out: PackedHits = { sourceIds, codeIds, source: new Uint32Array(n), starts: new Int32Array(n), ends: new Int32Array(n), codes: new Uint32Array(hits.reduce((k, h) => k + h.codeIds.length, 0)), codeEnds: new Uint32Array(n) };
  let k = 0;
  hits.forEach((h, i) => {
    let s = sourceAt.get(h.sourceId);
    if (s === undefined) sourceAt.set(h.sourceId, (s = sourceIds.push(h.sourceId) - 1));
    out.source[i] = s;
    out.starts[i] = h.start;
    out.ends[i] = h.end;
    for (const id of h.codeIds) {
      let c = codeAt.get(id);
      if (c === undefined) codeAt.set(id, (c = codeIds.push(id) - 1));
      out.codes[k++] = c;
    }
    out.codeEnds[i] = k;
  });
  return out;
}

export function unpackHits(p: PackedHits): QueryHit[] {
  const out = new Array<QueryHit>(p.starts.length);
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    const codeIds: string[] = [];
    for (; k < p.codeEnds[i]!; k++) codeIds.push(p.codeIds[p.codes[k]!]!);
    out[i] = { sourceId: p.sourceIds[p.source[i]!]!, start: p.starts[i]!, end: p.ends[i]!, codeIds };
  }
  return out;
}

