// Clock and id sources for operations, in one place so tests can read what was written.
export function nowIso(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}
