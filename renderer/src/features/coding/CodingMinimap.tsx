// A minimap of the open source's codings beside the scrollbar: one canvas, each code's passages
// as short bands in its colour; a click jumps there. Drawn when the browser is idle after the
// codings change, so applying a code (the digit key) never waits for it.
import { useEffect, useRef, useState } from 'react';
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { markColour, type ThemeName } from '../../../../shared/theme/themes';
import { useViewPrefs } from '../../stores/viewPrefsStore';
import { minimapMarks, offsetAtShare } from './minimapMarks';

const WIDTH = 12;

export interface CodingMinimapProps {
  textLength: number;
  codings: readonly CodingSpan[];
  codesById: ReadonlyMap<string, Code>;
  onJump(offset: number): void;
}

function currentTheme(): ThemeName {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function CodingMinimap({ textLength, codings, codesById, onJump }: CodingMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useViewPrefs((s) => s.theme);
  // Bumped when the canvas is resized, so it is drawn again (at idle time too).
  const [size, setSize] = useState(0);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => setSize(Math.round(entries[entries.length - 1]!.contentRect.height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    const draw = (): void => {
      if (cancelled) return;
      const height = element.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      element.width = WIDTH * ratio;
      element.height = Math.max(1, Math.round(height * ratio));
      const context = element.getContext('2d');
      if (!context || height === 0) return;
      context.clearRect(0, 0, element.width, element.height);
      const themeNow = currentTheme();
      const lanes = new Map<string, number>();
      for (const mark of minimapMarks(codings, textLength, 2 / height)) {
        const code = codesById.get(mark.codeId);
        if (!code) continue;
        if (!lanes.has(mark.codeId)) lanes.set(mark.codeId, lanes.size % 3);
        context.fillStyle = markColour(code.color, themeNow);
        const top = mark.from * element.height;
        context.fillRect(lanes.get(mark.codeId)! * 4 * ratio, top, 3 * ratio, Math.max(2 * ratio, (mark.to - mark.from) * element.height));
      }
    };
    // Off the critical path: idle time, or a short timeout where requestIdleCallback is missing.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(draw, { timeout: 500 }) : undefined;
    const timer = idle === undefined ? setTimeout(draw, 100) : undefined;
    return () => {
      cancelled = true;
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [codings, codesById, textLength, theme, size]);

  return (
    <canvas
      ref={canvas}
      className="coding-minimap"
      // Hidden from assistive technology on purpose: the bands repeat what the margin stripes and
      // the caret announcer say, and a 12-pixel strip of colour has no keyboard meaning. The
      // keyboard route to the same places is Next/Previous coding (F8 / Shift+F8), said here too.
      aria-hidden="true"
      tabIndex={-1}
      data-testid="coding-minimap"
      title="Codings in this source: click to jump (from the keyboard, F8 and Shift+F8 go to the next and previous coding)"
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        onJump(offsetAtShare((event.clientY - box.top) / box.height, textLength));
      }}
    />
  );
}
