// Which way of splitting to offer first for a text: a comment thread when a line like
// "37 Comments" is there, speaker turns when labels such as "I:" start several lines, else a
// custom pattern. Only a first suggestion: the dialog lets the user pick another.
import { findSpeakerLabels } from '../../../../shared/import/split/speakerTurns';
import type { SplitKind } from '../../db/operations/split';

/** The same shape the comment-thread splitter looks for ("37 Comments", "12 replies"). */
const THREAD_HEADER = /^\s*\d[\d,.]*\s+(comments?|replies|reply|responses?)\s*$/im;

export function guessSplitKind(text: string): SplitKind {
  if (THREAD_HEADER.test(text)) return 'comment-thread';
  if (findSpeakerLabels(text).some((l) => l.count >= 2)) return 'speaker-turns';
  return 'custom-pattern';
}
