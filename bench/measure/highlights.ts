// Reading what the CSS Custom Highlight API has registered (the product's HighlightPainter names
// its highlights `mg-code-<id>`), without relying on the painter's internals.

const CODE_PREFIX = 'mg-code-';

/** Ranges registered across every code's highlight. */
export function codeRangeCount(): number {
  let total = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith(CODE_PREFIX)) total += highlight.size;
  });
  return total;
}
