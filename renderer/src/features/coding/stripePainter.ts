// Coding stripes in the margin, as NVivo and MAXQDA draw them: one lane per code, each stripe
// spanning exactly the lines its coding covers (measured from the text's line boxes). Drawn
// imperatively after layout and redrawn only when a paragraph's codings, lanes or width change.
import type { Code, Coding } from '../../../../shared/model/types';
import { rangeInParagraph } from './domOffsets';

export const LANE_WIDTH = 5;
export const MAX_LANES = 8;

const drawn = new WeakMap<HTMLElement, string>();

export interface StripeContext {
  /** Lane index per code id (codes without a lane get no stripe). */
  laneOf: ReadonlyMap<string, number>;
  codesById: ReadonlyMap<string, Code>;
  /** A memo's text per coding id: those codings get a memo marker in the margin. */
  memoByCoding: ReadonlyMap<string, string>;
  /** Changes whenever lanes, colours or memos change, so cached drawings are redone. */
  signature: string;
}

export function paintStripes(gutter: HTMLElement, text: HTMLElement, paragraphStart: number, codings: readonly Coding[], context: StripeContext): void {
  const signature = `${context.signature}#${text.clientWidth}#${codings.map((c) => `${c.id}:${c.codeId}:${c.start}:${c.end}`).join(',')}`;
  if (drawn.get(gutter) === signature) return;
  drawn.set(gutter, signature);
  gutter.replaceChildren();
  if (codings.length === 0) return;
  const top = gutter.getBoundingClientRect().top;
  // Per lane, the vertical extents covered, merged where they touch.
  const extents = new Map<number, Array<[number, number, string]>>();
  for (const coding of codings) {
    const lane = context.laneOf.get(coding.codeId);
    if (lane === undefined) continue;
    const range = rangeInParagraph(text, coding.start - paragraphStart, coding.end - paragraphStart);
    if (!range) continue;
    const rects = [...range.getClientRects()].filter((r) => r.height > 0);
    if (rects.length === 0) continue;
    const from = Math.min(...rects.map((r) => r.top)) - top;
    const to = Math.max(...rects.map((r) => r.bottom)) - top;
    const list = extents.get(lane) ?? [];
    list.push([from, to, coding.codeId]);
    extents.set(lane, list);
  }
  for (const [lane, list] of extents) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number, string]> = [];
    for (const extent of list) {
      const last = merged[merged.length - 1];
      if (last && extent[0] <= last[1] + 1) last[1] = Math.max(last[1], extent[1]);
      else merged.push([...extent]);
    }
    for (const [from, to, codeId] of merged) {
      drawStripe(gutter, lane, from, to, codeId, context);
    }
  }
  // Memo markers: a coding memo shows beside the lines it is written about.
  for (const coding of codings) {
    const memo = context.memoByCoding.get(coding.id);
    if (memo === undefined) continue;
    const range = rangeInParagraph(text, coding.start - paragraphStart, coding.end - paragraphStart);
    const first = range ? [...range.getClientRects()].find((r) => r.height > 0) : undefined;
    if (!first) continue;
    const marker = gutter.ownerDocument.createElement('span');
    marker.className = 'memo-marker';
    marker.title = `Memo: ${memo}`;
    marker.dataset.codingId = coding.id;
    marker.style.top = `${first.top - top}px`;
    gutter.appendChild(marker);
  }
}

function drawStripe(gutter: HTMLElement, lane: number, from: number, to: number, codeId: string, context: StripeContext): void {
  const code = context.codesById.get(codeId);
  const stripe = gutter.ownerDocument.createElement('span');
  stripe.className = 'stripe';
  stripe.title = code?.name ?? '';
  stripe.dataset.codeId = codeId;
  stripe.style.left = `${lane * LANE_WIDTH}px`;
  stripe.style.top = `${from}px`;
  stripe.style.height = `${Math.max(2, to - from)}px`;
  stripe.style.background = code?.color ?? '#888';
  gutter.appendChild(stripe);
}
