// Retrieved segments cross from the analysis worker to the page as columns: cloning 25,000 small
// objects costs tens of milliseconds each way, cloning a few typed arrays and one string almost
// nothing. The page rebuilds the objects, which is a few milliseconds.
import type { SegmentRef } from '../../../shared/analysis/retrieval';
import { idAt, type SourceCodings } from '../db/codingColumns';

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
  const packer = new SegmentPacker();
  packer.addRefs(refs);
  return packer.pack();
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

/**
 * Packs retrieved segments as they are found, most of them straight from their source's columns
 * (positions in it): no SegmentRef object per segment and no lookup of its source and code by
 * name, which were most of a retrieval's own work. Gives exactly what `packSegments` gives for
 * the same segments in the same order.
 */
export class SegmentPacker {
  private readonly parts: Array<{ columns: SourceCodings; positions: readonly number[] } | { refs: readonly SegmentRef[] }> = [];
  private count = 0;

  /** These positions of a source's columns, in this order. */
  addColumns(columns: SourceCodings, positions: readonly number[]): void {
    if (positions.length === 0) return;
    this.parts.push({ columns, positions });
    this.count += positions.length;
  }

  addRefs(refs: readonly SegmentRef[]): void {
    if (refs.length === 0) return;
    this.parts.push({ refs });
    this.count += refs.length;
  }

  pack(): PackedSegments {
    const n = this.count;
    const sourceIds: string[] = [];
    const codeIds: string[] = [];
    const sourceAt = new Map<string, number>();
    const codeAt = new Map<string, number>();
    const indexOf = (ids: string[], at: Map<string, number>, id: string): number => {
      let i = at.get(id);
      if (i === undefined) at.set(id, (i = ids.push(id) - 1));
      return i;
    };
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
    let k = 0;
    let length = 0;
    for (const part of this.parts) {
      if ('refs' in part) {
        for (const ref of part.refs) {
          packed.source[k] = indexOf(sourceIds, sourceAt, ref.sourceId);
          packed.code[k] = indexOf(codeIds, codeAt, ref.codeId);
          packed.starts[k] = ref.start;
          packed.ends[k] = ref.end;
          ids[k] = ref.codingId;
          length += ref.codingId.length;
          packed.idEnds[k++] = length;
        }
        continue;
      }
      const { columns: c, positions } = part;
      const source = indexOf(sourceIds, sourceAt, c.sourceId);
      // This source's code numbers to the packed ones, each looked up on its first segment (so
      // codes are numbered in the order they first appear, as packSegments numbers them).
      const codes = new Array<number>(c.codeIds.length).fill(-1);
      for (const i of positions) {
        const local = c.code[i]!;
        let code = codes[local]!;
        if (code < 0) code = codes[local] = indexOf(codeIds, codeAt, c.codeIds[local]!);
        packed.source[k] = source;
        packed.code[k] = code;
        packed.starts[k] = c.starts[i]!;
        packed.ends[k] = c.ends[i]!;
        const id = idAt(c, i);
        ids[k] = id;
        length += id.length;
        packed.idEnds[k++] = length;
      }
    }
    packed.idText = ids.join('');
    return packed;
  }
}
