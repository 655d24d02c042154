// Turns the bytes of a REFI-QDA file (.qdc, .qde) into text without silently losing letters.
// REFI-QDA requires UTF-8, but files from older tools are sometimes Latin-1: decoding those as
// UTF-8 would turn every accented letter into U+FFFD without a word. The XML declaration's
// encoding is honoured; bytes that are not valid UTF-8 are read as Windows-1252 (Latin-1's
// superset) and the user is told, so the preview can be checked before anything is imported.
import { decodeWithEncoding, encodingName, isSelectableEncoding, sniffBom } from '../import/encoding';

export interface DecodedXml {
  text: string;
  warnings: string[];
}

/** The encoding named in `<?xml … encoding="…"?>`, as a WHATWG label, when it is one we read. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (!match) return null;
  try {
    const label = new TextDecoder(match[1]!).encoding;
    return isSelectableEncoding(label) ? label : null;
  } catch {
    return null;
  }
}

export function decodeXmlBytes(bytes: Uint8Array): DecodedXml {
  const bom = sniffBom(bytes);
  const declared = declaredEncoding(bytes);
  const label = bom?.label ?? (declared !== null && !declared.startsWith('utf-16') ? declared : 'utf-8');
  const decoded = decodeWithEncoding(bytes, label);
  if (decoded.ok) {
    const warnings = decoded.replacedSequences > 0 ? [`${decoded.replacedSequences} characters could not be read as ${decoded.name} and show as �. Check the names below.`] : [];
    return { text: stripBom(decoded.text), warnings };
  }
  const fallback = decodeWithEncoding(bytes, 'windows-1252');
  const text = fallback.ok ? fallback.text : new TextDecoder('utf-8').decode(bytes);
  return {
    text: stripBom(text),
    warnings: [
      `This file is not valid ${encodingName(label)} as REFI-QDA requires, so it was read as Windows-1252 (Latin-1). Check that the names below read correctly before importing.`,
    ],
  };
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
