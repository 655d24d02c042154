// Node's TextDecoder (20.x, 22.x) decodes "windows-1252" as ISO-8859-1: bytes 0x80–0x9F come out
// as C1 control characters instead of the curly quotes, dashes and € that Windows-1252 puts
// there (Chromium gets it right). Shared code runs in both, so the decoded text is repaired here.
// The repair is exact and idempotent: a correct decoder leaves only the five undefined positions
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) in that range, and those map to themselves.

/** Windows-1252's characters for bytes 0x80–0x9F, per the WHATWG Encoding Standard index. */
const C1_TO_WINDOWS_1252 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(C1_TO_WINDOWS_1252[c.charCodeAt(0) - 0x80]!));
}
