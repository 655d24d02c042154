// The status bar's words for a project's files: "Saved to Study.qdpx at 10:32", "Backed up at
// 10:35", with the date too when it was not today, in the reader's time zone and language.
import type { FileStatus } from '../stores/fileStatusStore';

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toDateString() === now.toDateString() ? `at ${timeOnly.format(at)}` : `on ${dateAndTime.format(at)}`;
}

export function fileStatusParts(status: FileStatus | undefined, now = new Date(), backingUp = false): string[] {
  const parts: string[] = [];
  if (status?.savedAs) parts.push(`Saved to ${status.savedAs.fileName} ${when(status.savedAs.at, now)}`);
  if (backingUp) parts.push('Backing up…');
  else if (status?.backedUpAt) parts.push(`Backed up ${when(status.backedUpAt, now)}`);
  return parts;
}
