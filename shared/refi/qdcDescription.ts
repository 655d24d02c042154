// REFI-QDA gives a code one <Description>; ours has a description plus inclusion and exclusion
// criteria. Writing the criteria as labelled paragraphs keeps them readable in ATLAS.ti, MAXQDA
// or NVivo, and lets our reader take them apart again.

export const INCLUSION_LABEL = 'Inclusion criteria:';
export const EXCLUSION_LABEL = 'Exclusion criteria:';

export interface CodeDefinitionText {
  description: string;
  inclusion: string;
  exclusion: string;
}

/** The description, then each non-empty criterion as "Label:\ntext", separated by blank lines. */
export function composeDescription({ description, inclusion, exclusion }: CodeDefinitionText): string {
  const parts: string[] = [];
  if (description !== '') parts.push(description);
  if (inclusion !== '') parts.push(`${INCLUSION_LABEL}\n${inclusion}`);
  if (exclusion !== '') parts.push(`${EXCLUSION_LABEL}\n${exclusion}`);
  return parts.join('\n\n');
}

/**
 * The inverse of composeDescription: the last labelled exclusion paragraph, then the last
 * labelled inclusion paragraph before it, are taken off the end. For every text t,
 * composeDescription(splitDescription(t)) === t, so a file read and written again is unchanged
 * even when someone typed the labels themselves.
 */
export function splitDescription(text: string): CodeDefinitionText {
  const [rest, exclusion] = takeLabelled(text, EXCLUSION_LABEL);
  const [description, inclusion] = takeLabelled(rest, INCLUSION_LABEL);
  return { description, inclusion, exclusion };
}

function takeLabelled(text: string, label: string): [string, string] {
  const head = `${label}\n`;
  const marker = `\n\n${head}`;
  const at = text.lastIndexOf(marker);
  // A paragraph after a description: only when there is a description before it (else the
  // composed text would not start with the blank line) and text after the label.
  if (at > 0 && at + marker.length < text.length) return [text.slice(0, at), text.slice(at + marker.length)];
  if (at === -1 && text.startsWith(head) && text.length > head.length) return ['', text.slice(head.length)];
  return [text, ''];
}
