// The workspace under the top bar: Sources, Memos and Cases stacked in the left column, the centre
// column (document and analysis views), and the Codebook on the right, with separators between
// them that resize (pointer or keyboard) and collapse panes. The layout is remembered per project.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SourcesPanel } from '../../features/sources/SourcesPanel';
import { MemosPanel } from '../../features/memos/MemosPanel';
import { CasesPanel } from '../../features/cases/CasesPanel';
import { CodebookPanel } from '../../features/codebook/CodebookPanel';
import { CentreColumn } from '../CentreColumn';
import { useCommand } from '../../commands/registry';
import { Separator } from './Separator';
import './layout.css';
import { loadLayout, selectLayout, useLayoutStore } from './layoutStore';
import { DEFAULT_LAYOUT, LIMITS, maxWidth, resizeSide, resizeSplit, toggleCollapsed, type PaneId, type PaneLayout } from './paneLayout';

const NAMES: Record<PaneId, string> = { sources: 'Sources', memos: 'Memos', cases: 'Cases', codebook: 'Codebook' };
const WIDTH_STEP = 16;
const SHARE_STEP = 0.05;

export function Workspace({ projectId }: { projectId: string }) {
  const layout = useLayoutStore(selectLayout);
  const setLayout = useLayoutStore((s) => s.setLayout);
  const root = useRef<HTMLElement>(null);
  const column = useRef<HTMLDivElement>(null);
  const dragFrom = useRef<{ layout: PaneLayout; above: number; below: number }>({ layout, above: 0, below: 0 });

  useEffect(() => {
    void loadLayout(projectId);
  }, [projectId]);

  // The workspace spans the window: its width is the window's, followed for the separators' limits.
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = (): void => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const total = (): number => root.current?.clientWidth ?? window.innerWidth;
  const toggle = (pane: PaneId): void => setLayout(toggleCollapsed(useLayoutStore.getState().layout, pane));
  useCommand('view.toggleSources', () => toggle('sources'), true);
  useCommand('view.toggleMemos', () => toggle('memos'), true);
  useCommand('view.toggleCases', () => toggle('cases'), true);
  useCommand('view.toggleCodebook', () => toggle('codebook'), true);
  useCommand('view.resetLayout', () => setLayout(DEFAULT_LAYOUT), true);

  const paneHeight = (pane: PaneId): number => column.current?.querySelector<HTMLElement>(`#pane-${pane}`)?.getBoundingClientRect().height ?? 0;

  /** The separator between two stacked left panes: moves their shared boundary. */
  const split = (above: 'sources' | 'memos', below: 'memos' | 'cases'): ReactNode => {
    const h = layout.heights;
    const share = layout.collapsed[above] ? 0 : layout.collapsed[below] ? 1 : h[above] / (h[above] + h[below]);
    return (
      <Separator
        orientation="horizontal"
        label={`Resize ${NAMES[above]} and ${NAMES[below]}`}
        controls={`pane-${above}`}
        value={share * 100}
        min={0}
        max={100}
        valueText={layout.collapsed[above] ? `${NAMES[above]} collapsed` : `${NAMES[above]} ${Math.round(share * 100)}% of the two`}
        onDragStart={() => {
          dragFrom.current = { layout, above: paneHeight(above), below: paneHeight(below) };
        }}
        onDrag={(delta) => {
          const from = dragFrom.current;
          const pair = from.above + from.below;
          if (pair > 0) setLayout(resizeSplit(from.layout, above, below, (from.above + delta) / pair));
        }}
        onStep={(steps) => setLayout(resizeSplit(layout, above, below, share + steps * SHARE_STEP))}
        onEdge={(edge) => setLayout(resizeSplit(layout, above, below, edge === 'min' ? LIMITS.heightMin : 1 - LIMITS.heightMin))}
        onToggle={() => toggle(above)}
      />
    );
  };

  const leftMax = maxWidth(layout, 'left', windowWidth);
  const rightMax = maxWidth(layout, 'right', windowWidth);
  const columns = `${layout.leftWidth}px 6px minmax(0, 1fr) 6px ${layout.collapsed.codebook ? '2.2rem' : `${layout.rightWidth}px`}`;

  return (
    <main ref={root} className="workspace" style={{ gridTemplateColumns: columns }}>
      <div ref={column} className="left-column" id="pane-left">
        <Pane pane="sources" layout={layout} onToggle={toggle}>
          <SourcesPanel projectId={projectId} />
        </Pane>
        {split('sources', 'memos')}
        <Pane pane="memos" layout={layout} onToggle={toggle}>
          <MemosPanel projectId={projectId} />
        </Pane>
        {split('memos', 'cases')}
        <Pane pane="cases" layout={layout} onToggle={toggle}>
          <CasesPanel projectId={projectId} />
        </Pane>
      </div>
      <Separator
        orientation="vertical"
        label="Resize the left column"
        controls="pane-left"
        value={layout.leftWidth}
        min={LIMITS.left.min}
        max={leftMax}
        valueText={`${Math.round(layout.leftWidth)} pixels`}
        onDragStart={() => {
          dragFrom.current = { layout, above: 0, below: 0 };
        }}
        onDrag={(delta) => setLayout(resizeSide(dragFrom.current.layout, 'left', dragFrom.current.layout.leftWidth + delta, total()))}
        onStep={(steps) => setLayout(resizeSide(layout, 'left', layout.leftWidth + steps * WIDTH_STEP, total()))}
        onEdge={(edge) => setLayout(resizeSide(layout, 'left', edge === 'min' ? LIMITS.left.min : leftMax, total()))}
        onToggle={() => setLayout(resizeSide(layout, 'left', layout.leftWidth > LIMITS.left.min ? LIMITS.left.min : DEFAULT_LAYOUT.leftWidth, total()))}
      />
      <CentreColumn projectId={projectId} />
      <Separator
        orientation="vertical"
        label="Resize the Codebook"
        controls="pane-codebook"
        value={layout.collapsed.codebook ? 0 : layout.rightWidth}
        min={0}
        max={rightMax}
        valueText={layout.collapsed.codebook ? 'Codebook collapsed' : `${Math.round(layout.rightWidth)} pixels`}
        onDragStart={() => {
          dragFrom.current = { layout, above: 0, below: 0 };
        }}
        onDrag={(delta) => {
          const from = dragFrom.current.layout;
          setLayout(resizeSide(from, 'right', (from.collapsed.codebook ? 0 : from.rightWidth) - delta, total()));
        }}
        // The codebook is to the right: moving the separator right (a positive step) narrows it.
        onStep={(steps) => setLayout(resizeSide(layout, 'right', (layout.collapsed.codebook ? LIMITS.right.min : layout.rightWidth) - steps * WIDTH_STEP, total()))}
        onEdge={(edge) => setLayout(edge === 'min' ? { ...layout, collapsed: { ...layout.collapsed, codebook: true } } : resizeSide(layout, 'right', rightMax, total()))}
        onToggle={() => toggle('codebook')}
      />
      <Pane pane="codebook" layout={layout} onToggle={toggle}>
        <CodebookPanel projectId={projectId} />
      </Pane>
    </main>
  );
}

/**
 * One pane: its panel, or (collapsed) a bar naming it that opens it again. The panel stays mounted
 * while collapsed, so its filters, scroll and drafts are there when it opens.
 */
function Pane({ pane, layout, onToggle, children }: { pane: PaneId; layout: PaneLayout; onToggle(pane: PaneId): void; children: ReactNode }) {
  const collapsed = layout.collapsed[pane];
  const style = pane === 'codebook' || collapsed ? undefined : { flexGrow: layout.heights[pane] * 100 }; // weights below 1 in total would leave space unfilled
  return (
    <div id={`pane-${pane}`} className={`pane pane-${pane}${collapsed ? ' pane-collapsed' : ''}`} style={style}>
      <button
        type="button"
        className="pane-toggle"
        aria-expanded={!collapsed}
        aria-controls={`pane-body-${pane}`}
        // Keyboard users collapse with Enter on the separator or from the View menu: one tab stop fewer per pane.
        tabIndex={collapsed ? 0 : -1}
        title={collapsed ? `Show ${NAMES[pane]}` : `Collapse ${NAMES[pane]}`}
        aria-label={collapsed ? `Show ${NAMES[pane]}` : `Collapse ${NAMES[pane]}`}
        onClick={() => onToggle(pane)}
      >
        <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        {collapsed && <span className="pane-toggle-name">{NAMES[pane]}</span>}
      </button>
      <div id={`pane-body-${pane}`} className="pane-body" hidden={collapsed}>
        {children}
      </div>
    </div>
  );
}
