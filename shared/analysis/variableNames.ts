// Column names that R, pandas and SPSS all accept as variable names, made from code and attribute
// names: letters (any script, as SPSS in Unicode mode and R accept), digits and "_" only; starting
// with a letter (else "v_" in front); at most 64 UTF-8 bytes (SPSS's limit); not one of SPSS's
// reserved words (ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH: "_" after); unique, ignoring letter
// case as SPSS does (a repeat gets "_2", "_3"…). "Distrust of China" → Distrust_of_China,
// "2nd wave" → v_2nd_wave, "?" → v.
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const MAX_BYTES = 64;

function truncateBytes(name: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of name) {
    const size = ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

export function safeVariableName(name: string): string {
  let safe = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!/^\p{L}/u.test(safe)) safe = safe === '' ? 'v' : `v_${safe}`;
  safe = truncateBytes(safe, MAX_BYTES);
  if (RESERVED.has(safe.toUpperCase())) safe = `${safe}_`;
  return safe;
}

/** Safe, unique names for a list of names, in order; `taken` holds names already used (id columns). */
export function safeVariableNames(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  return names.map((name) => {
    const base = safeVariableName(name);
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`;
      candidate = truncateBytes(base, MAX_BYTES - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
