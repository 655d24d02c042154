// Names users type (projects, codes): trimmed, never empty, bounded.
export const MAX_NAME_LENGTH = 200;

export function cleanName(raw: string, what: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') throw new Error(`The ${what} needs a name.`);
  if (name.length > MAX_NAME_LENGTH) throw new Error(`The ${what} name is longer than ${MAX_NAME_LENGTH} characters.`);
  return name;
}
