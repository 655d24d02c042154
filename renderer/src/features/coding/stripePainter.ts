// Coding stripes in the margin, as NVivo and MAXQDA draw them: one lane per code, each stripe
// spanning exactly the lines its coding covers (measured from the text's line boxes). Drawn
// imperatively after layout and redrawn only when a paragraph's codings, lanes or width change.
// Measuring and drawing are separate passes: measuring every rendered row first and drawing
// afterwards costs one layout, where reading each row after drawing the previous one forced a
// layout per row.
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { setRangeInParagraph } from './domOffsets';

export const LANE_WIDTH = 5;
/** With other coders shown, a lane holds two stripes side by side: yours, then theirs (hatched). */
export const SPLIT_LANE_WIDTH = 9;
const OTHERS_OFFSET = 4;
export const MAX_LANES = 8;

export interface StripeContext {
  /** Lane index per code id (codes without a lane get no stripe). */
  laneOf: ReadonlyMap<string, number>;
  codesById: ReadonlyMap<string, Code>;
  /** A memo's text per coding id: those codings get a memo marker in the margin. */
  memoByCoding: ReadonlyMap<string, string>;
  /**
   * "Show other coders": the current coder's id; codings by anyone else get their own hatched
   * stripe beside the coder's own in the lane. Null: every coding is drawn alike.
   */
  mine: string | null;
  /** Changes whenever lanes, colours, memos or `mine` change, so cached drawings are redone. */
  signature: string;
}

/** What one gutter will show, in pixels from the gutter's top. */
export interface StripePlan {
  gutter: HTMLElement;
  context: StripeContext;
  stripes: Array<{ lane: number; from: number; to: number; codeId: string; other: boolean }>;
  memos: Array<{ codingId: string; memo: string; top: number }>;
}

interface Drawn {
  codings: readonly CodingSpan[];
  context: StripeContext;
  width: number;
  signature: string;
}

const drawn = new WeakMap<HTMLElement, Drawn>();

/**
 * Reads the line boxes of a paragraph's codings (layout reads only, no DOM writes). Returns null
 * when the gutter already shows them. `width` is the text column's width (a redraw when it
 * changes); `range` is reused for every measurement, since every live Range in the document is
 * updated on each node removal and one per coding slowed unmounting rows.
 */
export function measureStripes(
  gutter: HTMLElement,
  text: HTMLElement,
  paragraphStart: number,
  codings: readonly CodingSpan[],
  context: StripeContext,
  width: number,
  range: Range,
): StripePlan | null {
  const previous = drawn.get(gutter);
  // The paragraph index hands out a new array only when the paragraph's codings change.
  if (previous && previous.codings === codings && previous.context === context && previous.width === width) return null;
  const signature = `${context.signature}#${width}#${paragraphStart}#${codings.map((c) => `${c.id}:${c.codeId}:${c.start}:${c.end}`).join(',')}`;
  if (previous?.signature === signature) {
    drawn.set(gutter, { codings, context, width, signature });
    return null;
  }
  drawn.set(gutter, { codings, context, width, signature });
  const plan: StripePlan = { gutter, context, stripes: [], memos: [] };
  if (codings.length === 0) return plan;
  const top = gutter.getBoundingClientRect().top;
  // Per lane (and, with other coders shown, per side of it), the vertical extents covered,
  // merged where they touch. Key: lane * 2, plus 1 for other coders' side.
  const extents = new Map<number, Array<[number, number, string]>>();
  for (const coding of codings) {
    const lane = context.laneOf.get(coding.codeId);
    const memo = context.memoByCoding.get(coding.id);
    if (lane === undefined && memo === undefined) continue;
    if (!setRangeInParagraph(range, text, coding.start - paragraphStart, coding.end - paragraphStart)) continue;
    let from = Infinity;
    let to = -Infinity;
    let first: number | null = null;
    for (const rect of range.getClientRects()) {
      if (rect.height <= 0) continue;
      first ??= rect.top;
      from = Math.min(from, rect.top);
      to = Math.max(to, rect.bottom);
    }
    if (first === null) continue;
    if (memo !== undefined) plan.memos.push({ codingId: coding.id, memo, top: first - top });
    if (lane === undefined) continue;
    const key = lane * 2 + (context.mine !== null && coding.coder !== context.mine ? 1 : 0);
    const list = extents.get(key) ?? [];
    list.push([from - top, to - top, coding.codeId]);
    extents.set(key, list);
  }
  for (const [key, list] of extents) {
    list.sort((a, b) => a[0] - b[0]);
    let last: StripePlan['stripes'][number] | undefined;
    for (const [from, to, codeId] of list) {
      if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
      else plan.stripes.push((last = { lane: key >> 1, from, to, codeId, other: (key & 1) === 1 }));
    }
  }
  return plan;
}

/** Replaces a gutter's stripes and memo markers with a measured plan (DOM writes only). */
export function drawStripes({ gutter, context, stripes, memos }: StripePlan): void {
  const doc = gutter.ownerDocument;
  const children: HTMLElement[] = [];
  const split = context.mine !== null;
  for (const { lane, from, to, codeId, other } of stripes) {
    const code = context.codesById.get(codeId);
    const color = code?.color ?? '#888';
    const stripe = doc.createElement('span');
    stripe.className = other ? 'stripe stripe-other' : 'stripe';
    stripe.title = other ? `${code?.name ?? ''} (other coders)` : (code?.name ?? '');
    stripe.dataset.codeId = codeId;
    stripe.style.left = `${split ? lane * SPLIT_LANE_WIDTH + (other ? OTHERS_OFFSET : 0) : lane * LANE_WIDTH}px`;
    stripe.style.top = `${from}px`;
    stripe.style.height = `${Math.max(2, to - from)}px`;
    // Other coders' stripes are hatched and outlined, not only coloured: told apart in greyscale too.
    if (other) {
      stripe.style.background = `repeating-linear-gradient(to bottom, ${color} 0 3px, transparent 3px 6px)`;
      stripe.style.boxShadow = `inset 0 0 0 1px ${color}`;
    } else stripe.style.background = color;
    children.push(stripe);
  }
  // Memo markers: a coding memo shows beside the lines it is written about.
  for (const { codingId, memo, top } of memos) {
    const marker = doc.createElement('span');
    marker.className = 'memo-marker';
    marker.title = `Memo: ${memo}`;
    marker.dataset.codingId = codingId;
    marker.style.top = `${top}px`;
    children.push(marker);
  }
  gutter.replaceChildren(...children);
}
