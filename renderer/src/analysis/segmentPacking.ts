// Retrieved segments cross from the analysis worker to the page as columns: cloning 25,000 small
// objects costs tens of milliseconds each way, cloning a few typed arrays and one string almost
// nothing. The page rebuilds the objects, which is a few milliseconds.
import type { SegmentRef } from '../../../shared/analysis/retrieval';

export interface PackedSegments {
  sourceIds: string[];
  codeIds: string[];
  source: Uint32Array;
  code: Uint32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The coding ids end to end; `idEnds[i]` is where the i-th ends. */
  idText: string;
  idEnds: Uint32Array;
}

export function packSegments(refs: readonly SegmentRef[]): PackedSegments {
  const n = refs.length;
  const sourceIds: string[] = [];
  const codeIds: string[] = [];
  const sourceAt = new Map<string, number>();
  const codeAt = new Map<string, number>();
  const packed: PackedSegments = {
    sourceIds,
    codeIds,
    source: new Uint32Array(n),
    code: new Uint32Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    idText: '',
    idEnds: new Uint32Array(n),
  };
  const ids = new Array<string>(n);
  let length = 0;
  refs.forEach((ref, i) => {
    let s = sourceAt.get(ref.sourceId);
    if (s === undefined) sourceAt.set(ref.sourceId, (s = sourceIds.push(ref.sourceId) - 1));
    let c = codeAt.get(ref.codeId);
    if (c === undefined) codeAt.set(ref.codeId, (c = codeIds.push(ref.codeId) - 1));
    packed.source[i] = s;
    packed.code[i] = c;
    packed.starts[i] = ref.start;
    packed.ends[i] = ref.end;
    ids[i] = ref.codingId;
    length += ref.codingId.length;
    packed.idEnds[i] = length;
  });
  packed.idText = ids.join('');
  return packed;
}

export function unpackSegments(packed: PackedSegments): SegmentRef[] {
  const out = new Array<SegmentRef>(packed.starts.length);
  let from = 0;
  for (let i = 0; i < out.length; i++) {
    const to = packed.idEnds[i]!;
    out[i] = {
      codingId: packed.idText.slice(from, to),
      sourceId: packed.sourceIds[packed.source[i]!]!,
      codeId: packed.codeIds[packed.code[i]!]!,
      start: packed.starts[i]!,
      end: packed.ends[i]!,
    };
    from = to;
  }
  return out;
}
