// A window splitter (the WAI-ARIA separator pattern): drag it with the pointer, or focus it and
// use the arrow keys (Shift for bigger steps), Home/End for the limits, Enter to collapse or
// restore the pane it controls; a double click does the same as Enter.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SeparatorProps {
  /** 'vertical': a line between columns, moved left and right; 'horizontal': between stacked panes. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  /** The id of the pane whose size the value is. */
  controls: string;
  value: number;
  min: number;
  max: number;
  /** What the value means to a screen reader, e.g. "260 pixels". */
  valueText: string;
  /** The pointer moved `delta` pixels from where the drag began (along the separator's axis). */
  onDragStart(): void;
  onDrag(delta: number): void;
  /** An arrow key: -1 or +1 (times 4 with Shift), in the direction of the axis (right / down positive). */
  onStep(steps: number): void;
  onEdge(edge: 'min' | 'max'): void;
  onToggle(): void;
}

export function Separator(props: SeparatorProps) {
  const { orientation, label, controls, value, min, max, valueText, onDragStart, onDrag, onStep, onEdge, onToggle } = props;
  const start = useRef<number | null>(null);
  const axis = (event: PointerEvent): number => (orientation === 'vertical' ? event.clientX : event.clientY);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const big = event.shiftKey ? 4 : 1;
    const [back, forward] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    if (event.key === back) onStep(-big);
    else if (event.key === forward) onStep(big);
    else if (event.key === 'Home') onEdge('min');
    else if (event.key === 'End') onEdge('max');
    else if (event.key === 'Enter') onToggle();
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      aria-valuetext={valueText}
      className={`separator separator-${orientation}`}
      onKeyDown={onKeyDown}
      onDoubleClick={onToggle}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = axis(event);
        onDragStart();
      }}
      onPointerMove={(event) => {
        if (start.current !== null) onDrag(axis(event) - start.current);
      }}
      onPointerUp={(event) => {
        start.current = null;
        if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        start.current = null;
      }}
    />
  );
}
