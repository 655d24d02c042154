// Writes a REFI-QDA codebook (.qdc) that validates against Codebook-mrt2019.xsd: elements in the
// schema's strict order, no empty list containers, GUIDs taken from code ids so that exporting
// twice gives the same GUIDs (tools that merge codebooks rely on it).
import type { Code, CodeSet } from '../model/types';
import { normaliseColor } from '../codebook/color';
import { childrenByParent } from '../codebook/tree';
import { normaliseGuid } from './guid';
import { composeDescription } from './qdcDescription';
import { escapeXmlAttribute, escapeXmlText, stripXmlForbidden } from './xmlText';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdcWriteInput {
  codes: readonly Code[];
  codeSets?: readonly CodeSet[];
  /** The origin attribute: which program wrote the file. */
  origin?: string;
}

/**
 * The codebook as .qdc text. Throws when there are no codes: the schema requires at least one
 * <Code>, so such a file would be invalid (the UI should not offer the export then).
 */
export function buildQdc({ codes, codeSets = [], origin = 'Marginalia' }: QdcWriteInput): string {
  const byParent = childrenByParent(codes);
  if ((byParent.get(null) ?? []).length === 0) {
    throw new RangeError('A REFI-QDA codebook needs at least one code.');
  }
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<CodeBook xmlns="${CODEBOOK_NAMESPACE}" origin="${escapeXmlAttribute(origin)}">`,
    '  <Codes>',
  ];
  const written = new Set<string>();
  const writeCode = (code: Code, depth: number): void => {
    written.add(code.id);
    const indent = '  '.repeat(depth + 2);
    const color = normaliseColor(code.color);
    const attributes =
      `guid="${guidFor(code.id)}" name="${escapeXmlAttribute(code.name)}" ` +
      `isCodable="${code.isCodable === false ? 'false' : 'true'}"` +
      (color ? ` color="${color}"` : '');
    // Stripped before composing, so that text made only of characters XML cannot carry counts as
    // empty here exactly as it will when the file is read back.
    const description = composeDescription({
      description: stripXmlForbidden(code.description),
      inclusion: stripXmlForbidden(code.inclusion ?? ''),
      exclusion: stripXmlForbidden(code.exclusion ?? ''),
    });
    // A cycle in stored data must not loop forever; such codes are left out.
    const children = (byParent.get(code.id) ?? []).filter((c) => !written.has(c.id));
    if (description === '' && children.length === 0) {
      lines.push(`${indent}<Code ${attributes}/>`);
      return;
    }
    lines.push(`${indent}<Code ${attributes}>`);
    if (description !== '') lines.push(`${indent}  <Description>${escapeXmlText(description)}</Description>`);
    for (const child of children) if (!written.has(child.id)) writeCode(child, depth + 1);
    lines.push(`${indent}</Code>`);
  };
  for (const code of byParent.get(null) ?? []) writeCode(code, 0);
  lines.push('  </Codes>');

  if (codeSets.length > 0) {
    lines.push('  <Sets>');
    for (const set of codeSets) {
      const members = [...new Set(set.codeIds)].filter((id) => written.has(id));
      const description = stripXmlForbidden(set.description);
      const open = `    <Set guid="${guidFor(set.id)}" name="${escapeXmlAttribute(set.name)}"`;
      if (description === '' && members.length === 0) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (description !== '') lines.push(`      <Description>${escapeXmlText(description)}</Description>`);
      for (const id of members) lines.push(`      <MemberCode guid="${guidFor(id)}"/>`);
      lines.push('    </Set>');
    }
    lines.push('  </Sets>');
  }
  lines.push('</CodeBook>');
  return lines.join('\n') + '\n';
}

/**
 * The GUID for an id. Our ids are UUIDs already; any other id (older data, tests) gets a GUID
 * derived from it by hashing, so it too stays the same from one export to the next.
 */
export function guidFor(id: string): string {
  return normaliseGuid(id) ?? hashGuid(id);
}

function hashGuid(text: string): string {
  // Four independent 32-bit FNV-1a hashes (different seeds) give the 128 bits; then the UUID
  // version (8, "custom") and variant bits are set so the result is a well-formed UUID.
  const words = [0x811c9dc5, 0x01000193, 0xdeadbeef, 0x9e3779b9].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
