// Text made safe to place in HTML, in element content and in quoted attribute values alike: the
// one escaper behind every HTML export (memos, printable codebook).
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
