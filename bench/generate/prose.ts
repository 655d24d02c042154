// Interview-like prose from a fixed vocabulary: turns of "Interviewer:" and "Participant:", with
// the curly apostrophes, dashes and accents real transcripts carry (so strings are two-byte in V8
// and offsets go through the same code paths as real data), and an occasional emoji (astral
// characters exercise the UTF-16 to code point conversion of the exports).
import type { Random } from './random';

const WORDS = (
  'the a and to of in that it was for on with as but we they you I he she at this be have not ' +
  'had were there what when about so if all would could just like because then them their our ' +
  'bus route stop driver ticket fare morning evening night shift work school shop market street ' +
  'neighbour council meeting letter survey walk home station timetable change cut service late ' +
  'early waiting rain winter summer child mother father friend family money rent price cost job ' +
  'hospital appointment doctor nurse pharmacy library park bench café bakery owner customer ' +
  'people everyone nobody somebody always never sometimes often usually really quite very more ' +
  'less enough safe unsafe dark lonely crowded quiet busy noisy cheap expensive fair unfair ' +
  'felt thought said asked told heard saw knew wanted needed tried started stopped moved stayed ' +
  'remember decided worried angry tired happy surprised disappointed relieved grateful'
).split(' ');

const FLAVOUR = ['don’t', 'didn’t', 'it’s', 'we’re', 'they’d', 'couldn’t', 'that’s', 'naïve', 'déjà vu', 'résumé', 'fiancée', '—', '“honestly”'];
const EMOJI = ['😟', '🙂', '🚌', '😔'];
const SPEAKERS = ['Interviewer', 'Participant'];

export function sentence(random: Random, minWords = 5, maxWords = 18): string {
  const n = random.int(minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    if (random.chance(0.04)) words.push(random.pick(FLAVOUR));
    else words.push(random.pick(WORDS));
  }
  if (random.chance(0.005)) words.push(random.pick(EMOJI));
  const first = words[0]!;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}${random.pick(['.', '.', '.', '?', '!', '…'])}`;
}

/**
 * One transcript line of about `targetLength` characters. Every few lines is blank, as in real
 * transcripts (turn separators), and blank lines are paragraphs too.
 */
export function transcriptLine(random: Random, index: number, targetLength: number): string {
  if (index % 9 === 8) return '';
  let line = `${SPEAKERS[index % 2]}:`;
  // Whole sentences while they fit, then the line ends where the next one would overflow.
  while (line.length < targetLength) {
    const next = sentence(random);
    if (line.length + next.length > targetLength * 1.15 && line.length > targetLength * 0.6) break;
    line += ` ${next}`;
  }
  return line;
}

/** A text of `paragraphs` lines averaging about `averageLength` characters (blank lines included). */
export function transcript(random: Random, paragraphs: number, averageLength: number): string {
  const lines: string[] = [];
  // Blank lines are one in nine; the others carry the length so the average holds.
  const spoken = (averageLength * 9) / 8;
  for (let i = 0; i < paragraphs; i++) {
    lines.push(transcriptLine(random, i, random.int(Math.round(spoken * 0.3), Math.round(spoken * 1.6))));
  }
  return lines.join('\n');
}

/** A short free-text survey answer (a few words to a few sentences). */
export function shortAnswer(random: Random): string {
  const parts: string[] = [];
  const n = random.chance(0.6) ? 1 : random.int(2, 3);
  for (let i = 0; i < n; i++) parts.push(sentence(random, 3, 14));
  return parts.join(' ');
}
