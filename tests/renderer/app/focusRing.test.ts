// The focus ring stands out ≥ 3:1 (WCAG 1.4.11) from every surface it is drawn on, in the light and
// the dark theme, read from the stylesheets themselves: change a surface or the ring's colour and
// this test recomputes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio as rgbContrast, hexToRgb } from '../../../shared/theme/contrast';

const css = ['renderer/src/app/theme.css', 'renderer/src/app/styles.css', 'renderer/src/app/layout/layout.css'].map((f) => readFileSync(resolve(__dirname, '../../..', f), 'utf8')).join('\n');

/** The declarations of the rule whose selector list contains `selector` exactly. */
function declarations(selector: string): Record<string, string> {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)];
  const rule = rules.find(([, selectors]) => selectors!.split(',').some((s) => s.trim() === selector));
  if (!rule) throw new Error(`No rule for ${selector}`);
  return Object.fromEntries(
    rule[2]!
      .split(';')
      .map((d) => d.split(/:(.*)/s).map((x) => x.trim()))
      .filter(([k, v]) => k && v)
      .map(([k, v]) => [k!, v!]),
  );
}

/** A theme's custom properties: the light ones on :root, the dark ones over them. */
const contrastRatio = (a: string, b: string): number => rgbContrast(hexToRgb(a), hexToRgb(b));

const THEMES = { light: declarations(':root'), dark: { ...declarations(':root'), ...declarations(":root[data-theme='dark']") } };

/** A colour value, following var(--x) through the theme's properties; the first #hex in a shorthand. */
function colourIn(root: Record<string, string>, value: string): string {
  let v = value;
  for (let i = 0; i < 5 && v.includes('var('); i++) v = v.replace(/var\((--[\w-]+)\)/g, (_, name: string) => root[name] ?? name);
  const hex = /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/i.exec(v)?.[0];
  if (!hex) throw new Error(`No colour in “${value}”`);
  return hex;
}

/** Surfaces where focusable controls sit, with the ring colour in force there, in one theme. */
function surfacesOf(theme: keyof typeof THEMES): Array<{ where: string; background: string; ring: string }> {
  const root = THEMES[theme];
  const colour = (value: string): string => colourIn(root, value);
  const ring = colour(root['--focus-ring']!);
  return [
    { where: 'page', background: colour(root['--bg']!), ring },
    { where: 'panels', background: colour(root['--panel']!), ring },
    { where: 'selected rows (sources, codes)', background: colour(root['--accent-soft']!), ring },
    { where: 'hovered code row', background: colour(declarations('.code-row:hover').background!), ring },
    { where: 'document', background: colour(declarations('.document-panel').background!), ring },
    { where: 'view tabs', background: colour(declarations('.view-tabs').background!), ring },
    { where: 'code actions', background: colour(declarations('.code-actions').background!), ring },
    { where: 'find bar', background: colour(declarations('.find-bar').background!), ring },
    { where: 'menus and dialogs', background: colour(root['--surface-raised']!), ring: colour(root['--page-focus-ring']!) },
    { where: 'project bar', background: colour(declarations('.project-bar').background!), ring: colour(declarations('.project-bar')['--focus-ring']!) },
    { where: 'notices', background: colour(declarations('.notice').background!), ring: colour(declarations('.notice')['--focus-ring']!) },
    { where: 'error notices', background: colour(declarations('.notice-error').background!), ring: colour(declarations('.notice')['--focus-ring']!) },
  ].map((s) => ({ ...s, where: `${s.where} (${theme})` }));
}

const surfaces = [...surfacesOf('light'), ...surfacesOf('dark')];

describe('the focus ring', () => {
  it.each(surfaces)('has at least 3:1 contrast on $where', ({ background, ring: colourHere }) => {
    expect(contrastRatio(colourHere, background)).toBeGreaterThanOrEqual(3);
  });

  it('is drawn on every focusable kind of element, the document text included', () => {
    const focusRule = declarations('[tabindex]:focus-visible');
    expect(focusRule.outline).toMatch(/2px solid var\(--focus-ring\)/);
    for (const kind of ['button:focus-visible', 'select:focus-visible', 'input:focus-visible', 'textarea:focus-visible']) expect(() => declarations(kind)).not.toThrow();
    expect(declarations('.document-scroll:has(> .document-text:focus)').outline).toMatch(/var\(--focus-ring\)/);
    expect(declarations('.workspace .separator:focus-visible').outline).toMatch(/var\(--focus-ring\)/);
  });

  it('would catch a ring too faint for its surface', () => {
    expect(contrastRatio('#e6edf7', '#ffffff')).toBeLessThan(3);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
