// Rich Text Format (.rtf) through rtf.js, which renders RTF to DOM elements: it needs a
// document (the renderer's main thread, or jsdom in tests), not a worker. Its elements are
// turned into text by the same converter as HTML, so paragraphs, lists and tables read alike.
// rtf.js is the one RTF reader tried here that decodes `\u8364?`, `\'93` with \ansicpg, and
// `\endash`/`\emdash` correctly.
import { htmlToReadableText } from '../../../../../shared/import/formats/htmlText';
import { MAX_FILE_BYTES, formatBytes } from '../../../../../shared/import/limits';
import { BINARY_KIND_DESCRIPTIONS, isRtf, sniffBinaryKind } from '../../../../../shared/import/magic';
import { fail, type ParseResult } from '../../../../../shared/import/result';
import type * as RtfjsBundle from 'rtf.js/dist/RTFJS.bundle.js';

export const RTF_DAMAGED_REASON = 'This RTF document could not be read: it is damaged or not really RTF.';
export const RTF_TRUNCATED_REASON = 'This RTF document is incomplete (it ends before its last group is closed); it may have been cut off while saving or copying.';

/**
 * True when every "{" has its "}". rtf.js renders nothing at all for a document cut off
 * mid-way, which would read as "no text"; this lets us say what is really wrong.
 * Escaped braces (\{ \}) and backslashes (\\) are text, not groups.
 */
export function rtfGroupsClosed(bytes: Uint8Array): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x5c) i++; // backslash: skip the escaped character
    else if (b === 0x7b) depth++;
    else if (b === 0x7d) depth--;
  }
  return depth <= 0;
}

type RtfjsModule = typeof RtfjsBundle;

let loaded: Promise<RtfjsModule> | null = null;

/** rtf.js (with its EMF/WMF picture renderers) is large: load it on the first RTF import. */
function loadRtfjs(): Promise<RtfjsModule> {
  loaded ??= import('rtf.js/dist/RTFJS.bundle.js').then((m) => {
    // A CommonJS bundle: depending on the bundler the namespace is the module or its default.
    const mod = ((m as { default?: RtfjsModule }).default ?? m) as RtfjsModule;
    mod.loggingEnabled(false);
    return mod;
  });
  return loaded;
}

export async function parseRtf(bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return fail('This file is empty (0 bytes).');
  if (bytes.byteLength > MAX_FILE_BYTES.rtf) {
    return fail(`This file is ${formatBytes(bytes.byteLength)}; an RTF document can be at most ${formatBytes(MAX_FILE_BYTES.rtf)}.`);
  }
  if (!isRtf(bytes.subarray(0, 64))) {
    const kind = sniffBinaryKind(bytes.subarray(0, 8192));
    return fail(`This file is not an RTF document${kind ? ` (it looks like ${BINARY_KIND_DESCRIPTIONS[kind]})` : ''}. It may have been renamed or damaged.`);
  }
  if (!rtfGroupsClosed(bytes)) return fail(RTF_TRUNCATED_REASON);
  const RTFJS = await loadRtfjs();
  let elements: HTMLElement[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const doc = new RTFJS.Document(buffer, {
      // Pictures are not imported: render nothing for them (and skip decoding EMF/WMF).
      onPicture: () => document.createElement('span'),
    });
    elements = await doc.render();
  } catch {
    return fail(RTF_DAMAGED_REASON);
  }
  // rtf.js gives one element per paragraph. Joined with a blank line, as paragraphs are in the
  // other formats; empty paragraphs (spacing in the original) are dropped, as mammoth does.
  const text = elements
    .map((element) => htmlToReadableText(element.outerHTML))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  if (text === '') return fail('This RTF document has no text.');
  return { ok: true, text };
}
