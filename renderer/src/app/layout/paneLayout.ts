// The workspace's pane layout as plain data (widths of the side columns, shares of the left
// column's height, which panes are collapsed) and the pure rules that change it: clamping to the
// limits that keep every region usable at 1280×720, collapsing a pane dragged below its minimum,
// and reading a stored layout defensively (a damaged preference falls back to the default).

export type PaneId = 'sources' | 'memos' | 'cases' | 'codebook';
export const LEFT_PANES: readonly PaneId[] = ['sources', 'memos', 'cases'];

export interface PaneLayout {
  /** Width of the left column (Sources, Memos, Cases), CSS pixels. */
  leftWidth: number;
  /** Width of the Codebook column, CSS pixels. */
  rightWidth: number;
  /** Share of the left column's height per pane (flex weights; only their ratios matter). */
  heights: Record<'sources' | 'memos' | 'cases', number>;
  collapsed: Record<PaneId, boolean>;
}

export const LIMITS = {
  left: { min: 230, max: 480 },
  right: { min: 240, max: 560 },
  /** The document column never gets narrower than this: a line of text must stay readable. */
  centreMin: 380,
  /** Smallest share of the left column a pane keeps (below it, the drag collapses the pane). */
  heightMin: 0.12,
} as const;

/** A pane dragged this far past its minimum collapses (as in desktop IDEs). */
export const COLLAPSE_SLACK = 48;

export const DEFAULT_LAYOUT: PaneLayout = {
  leftWidth: 260,
  rightWidth: 340,
  heights: { sources: 0.34, memos: 0.26, cases: 0.4 },
  collapsed: { sources: false, memos: false, cases: false, codebook: false },
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The widest a side column may be in a window `total` pixels wide, leaving the centre its minimum. */
export function maxWidth(layout: PaneLayout, side: 'left' | 'right', total: number): number {
  const other = side === 'left' ? (layout.collapsed.codebook ? 0 : layout.rightWidth) : layout.leftWidth;
  return Math.max(LIMITS[side].min, Math.min(LIMITS[side].max, total - other - LIMITS.centreMin));
}

/**
 * Sets a side column's width. For the codebook, a width far below its minimum collapses it and
 * any width at or above the minimum shows it again (dragging it back out).
 */
export function resizeSide(layout: PaneLayout, side: 'left' | 'right', width: number, total: number): PaneLayout {
  if (side === 'right' && width < LIMITS.right.min - COLLAPSE_SLACK) return { ...layout, collapsed: { ...layout.collapsed, codebook: true } };
  const next = clamp(Math.round(width), LIMITS[side].min, maxWidth(layout, side, total));
  const collapsed = side === 'right' ? { ...layout.collapsed, codebook: false } : layout.collapsed;
  return side === 'left' ? { ...layout, leftWidth: next } : { ...layout, rightWidth: next, collapsed };
}

/**
 * Moves the boundary between two neighbouring left panes so `above` gets `share` of the height
 * the two hold together (0–1). Below the minimum share a pane collapses; above it, it opens.
 */
export function resizeSplit(layout: PaneLayout, above: 'sources' | 'memos', below: 'memos' | 'cases', share: number): PaneLayout {
  const h = layout.heights;
  const pair = h[above] + h[below];
  const collapsed = { ...layout.collapsed };
  if (share < LIMITS.heightMin / 2) collapsed[above] = true;
  else if (share > 1 - LIMITS.heightMin / 2) collapsed[below] = true;
  else {
    collapsed[above] = false;
    collapsed[below] = false;
  }
  const s = clamp(share, LIMITS.heightMin, 1 - LIMITS.heightMin);
  return { ...layout, heights: { ...h, [above]: pair * s, [below]: pair * (1 - s) }, collapsed };
}

export function toggleCollapsed(layout: PaneLayout, pane: PaneId): PaneLayout {
  return { ...layout, collapsed: { ...layout.collapsed, [pane]: !layout.collapsed[pane] } };
}

/** A stored layout read back: anything missing or out of range takes the default's value. */
export function readLayout(stored: unknown): PaneLayout {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_LAYOUT;
  const s = stored as Partial<Record<keyof PaneLayout, unknown>>;
  const num = (v: unknown, min: number, max: number, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? clamp(v, min, max) : fallback);
  const heights = (typeof s.heights === 'object' && s.heights !== null ? s.heights : {}) as Record<string, unknown>;
  const collapsed = (typeof s.collapsed === 'object' && s.collapsed !== null ? s.collapsed : {}) as Record<string, unknown>;
  return {
    leftWidth: num(s.leftWidth, LIMITS.left.min, LIMITS.left.max, DEFAULT_LAYOUT.leftWidth),
    rightWidth: num(s.rightWidth, LIMITS.right.min, LIMITS.right.max, DEFAULT_LAYOUT.rightWidth),
    heights: {
      sources: num(heights.sources, 0.01, 1, DEFAULT_LAYOUT.heights.sources),
      memos: num(heights.memos, 0.01, 1, DEFAULT_LAYOUT.heights.memos),
      cases: num(heights.cases, 0.01, 1, DEFAULT_LAYOUT.heights.cases),
    },
    collapsed: {
      sources: collapsed.sources === true,
      memos: collapsed.memos === true,
      cases: collapsed.cases === true,
      codebook: collapsed.codebook === true,
    },
  };
}
