// A minimap of the open source's codings beside the scrollbar: one canvas, each code's passages
// as short bands in its colour; a click jumps there. Drawn when the browser is idle after the
// codings change, so applying a code (the digit key) never waits for it.
import { useEffect, useRef, useState } from 'react';
import type { Code, CodingSpan } from '../../../../shared/model/types';
import { markColour, type ThemeName } from '../../../../shared/theme/themes';
import { useViewPrefs } from '../../stores/viewPrefsStore';
import { minimapRuns, offsetAtShare } from './minimapMarks';

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
      const { codeIds, runs } = minimapRuns(codings, textLength, element.height, Math.max(1, Math.round(2 * ratio)));
      let lane = 0;
      codeIds.forEach((codeId, i) => {
        const code = codesById.get(codeId);
        if (!code) return;
        // One lane per drawn code, in the order the codes first appear; each colour worked out once.
        const x = (lane++ % 3) * 4 * ratio;
        context.fillStyle = markColour(code.color, themeNow);
        const pixels = runs[i]!;
        for (let r = 0; r < pixels.length; r += 2) context.fillRect(x, pixels[r]!, 3 * ratio, pixels[r + 1]! - pixels[r]!);
      });
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
