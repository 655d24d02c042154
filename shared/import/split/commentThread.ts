// Splits a page saved as text, an article followed by its reader comments, into the article
// (the preface) and one segment per comment, labelled with the commenter. The shape it reads:
//
//   …article…, ending with its copyright line
//   37 Comments                  ← the thread header: a count of comments
//   Login to comment             ← page furniture; belongs to nobody
//   deanzaZZR                    ← a commenter's name on a line of its own
//   Now would be a great time…   ← one or more lines of the comment
//
// Name lines are told from comment lines by their shape (short, no sentence punctuation, no
// link), and a name line is always followed by at least one comment line. That is a guess a
// person must check, so the result is a suggestion shown in a preview; the count in the
// header is compared with what was found and any difference is reported.
import { splitLines, trimRange, type Line, type SplitSegment, type SplitSuggestion } from './types';

/** "37 Comments", "1 comment", "12 Replies", "1,024 comments". */
const THREAD_HEADER = /^\s*(\d[\d,.]*)\s+(comments?|replies|reply|responses?)\s*$/i;

/** Lines of page furniture between the header and the first comment (sign-in links, sort controls). */
const THREAD_CHROME = [
  /^\s*(log ?in|sign ?in|sign ?up|register)\b.*$/i,
  /^\s*(add|leave|write|post)\s+(a\s+)?(comment|reply)\b.*$/i,
  /^\s*(sort|order)(ed)?\s+by\b.*$/i,
  /^\s*(newest|oldest|best|top|popular)(\s+first)?\s*$/i,
  /^\s*(comments?|discussion)\s*$/i,
];

const MAX_NAME_LENGTH = 40;
const MAX_NAME_WORDS = 4;

/**
 * Could this line be a commenter's name? Names are short and are not sentences: no closing
 * punctuation (except an initial, "Kevin D."), no ", " inside, no link, no bullet or quote
 * mark at the start, no question or exclamation mark anywhere.
 */
export function looksLikeCommenterName(line: string): boolean {
  const name = line.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return false;
  if (name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (!/[\p{L}\p{N}]/u.test(name)) return false;
  if (/^[*•\-–—>#@"“”'‘’([]/u.test(name)) return false;
  if (/https?:|www\.|[!?]|, /i.test(name)) return false;
  if (/[.…:;,"”’')\]]$/u.test(name) && !/(^|\s)\p{Lu}\.$/u.test(name)) return false;
  return true;
}

export interface CommentThreadOptions {
  /**
   * Offset where the comments begin, when the user has said so (or there is no header line).
   * Everything before it is the preface.
   */
  threadStart?: number;
}

interface ThreadStart {
  /** Index of the first line that may hold a comment. */
  firstLine: number;
  /** Index of the first line after the article (the header), or -1 when none was found. */
  headerLine: number;
  declaredCount?: number;
}

function findThreadStart(lines: readonly Line[], options: CommentThreadOptions): ThreadStart {
  if (options.threadStart !== undefined) {
    // The line holding the offset; at or past the end of the text, there is no thread.
    const index = options.threadStart >= lines[lines.length - 1]!.end ? -1 : lines.findIndex((l) => l.end >= options.threadStart!);
    const first = index === -1 ? lines.length : index;
    return { firstLine: first, headerLine: first };
  }
  // The last header line wins: an article may mention "3 comments" in passing, the thread comes last.
  let headerLine = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (THREAD_HEADER.test(lines[i]!.text)) {
      headerLine = i;
      break;
    }
  }
  if (headerLine === -1) return { firstLine: 0, headerLine: -1 };
  const count = Number(THREAD_HEADER.exec(lines[headerLine]!.text)![1]!.replace(/[,.]/g, ''));
  let firstLine = headerLine + 1;
  while (firstLine < lines.length && (lines[firstLine]!.text.trim() === '' || THREAD_CHROME.some((re) => re.test(lines[firstLine]!.text)))) {
    firstLine++;
  }
  return { firstLine, headerLine, declaredCount: count };
}

export function splitCommentThread(text: string, options: CommentThreadOptions = {}): SplitSuggestion {
  const lines = splitLines(text);
  const start = findThreadStart(lines, options);
  const warnings: string[] = [];
  if (start.headerLine === -1) {
    warnings.push('No line such as “37 Comments” was found, so the whole text was read as comments. Mark where the comments begin if there is an article first.');
  }

  // Walk the thread: expect a name; after a name, the next non-blank line is always comment text;
  // after comment text, a name-like line followed by more text starts the next comment.
  const segments: SplitSegment[] = [];
  let current: { name: Line; firstBody?: Line; lastBody?: Line } | null = null;
  const close = () => {
    if (current?.firstBody && current.lastBody) {
      segments.push({
        start: current.firstBody.start,
        end: current.lastBody.end,
        label: current.name.text.trim(),
        order: segments.length + 1,
        marker: trimRange(text, current.name),
      });
    }
  };
  let lastTextLine = lines.length - 1;
  while (lastTextLine >= 0 && lines[lastTextLine]!.text.trim() === '') lastTextLine--;
  const hasTextAfter = (index: number) => index < lastTextLine;
  for (let i = start.firstLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.trim() === '') continue;
    const expectingBody = current !== null && current.firstBody === undefined;
    if (!expectingBody && looksLikeCommenterName(line.text) && hasTextAfter(i)) {
      close();
      current = { name: line };
    } else if (current) {
      current.firstBody ??= line;
      current.lastBody = line;
    } else {
      warnings.push(`The line “${line.text.trim().slice(0, 60)}” does not look like a commenter's name; check where the first comment begins.`);
      current = { name: line };
    }
  }
  close();

  if (start.declaredCount !== undefined && start.declaredCount !== segments.length) {
    warnings.push(`The page says ${start.declaredCount} comments; ${segments.length} were found. Check the boundaries in the preview.`);
  }
  const prefaceEnd = start.headerLine === -1 ? 0 : (lines[start.headerLine]?.start ?? text.length);
  const preface = trimRange(text, { start: 0, end: prefaceEnd });
  return {
    segments,
    ...(preface.end > preface.start ? { preface } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
