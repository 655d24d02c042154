// A coded passage shortened for a list or a menu: one line, cut at a word, in quotation marks.
export function quoteLabel(exact: string, max = 80): string {
  const line = exact.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return `“${line}”`;
  const cut = line.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…”`;
}
