// The synthetic project a newcomer sees on first run: a local news article with its reader
// comments, an interview excerpt, a small codebook and a few codings. All text is our own.
import articleText from './harbour-article-with-comments.txt?raw';
import interviewText from './bakery-owner-interview.txt?raw';

export interface SampleCode {
  key: string;
  name: string;
  parent?: string;
  description: string;
}

export interface SampleCoding {
  source: 'article' | 'interview';
  code: string;
  /** The exact words to code (first occurrence). */
  quote: string;
}

export const SAMPLE_PROJECT_NAME = 'Sample: Harbour library closure';

export const SAMPLE_SOURCES = [
  { key: 'article', name: 'harbour-article-with-comments.txt', text: articleText },
  { key: 'interview', name: 'bakery-owner-interview.txt', text: interviewText },
] as const;

export const SAMPLE_CODES: SampleCode[] = [
  { key: 'place', name: 'Place and belonging', description: 'The library or street as part of who people are.' },
  { key: 'memory', name: 'Memory', parent: 'place', description: 'Past use of the place, across generations.' },
  { key: 'access', name: 'Access', description: 'Who can reach a service, and at what cost.' },
  { key: 'distance', name: 'Distance and transport', parent: 'access', description: 'Travel time, buses, walking.' },
  { key: 'digital', name: 'Digital access', parent: 'access', description: 'Computers and internet as the service.' },
  { key: 'budget', name: 'Budget reasoning', description: 'Arguments from cost, efficiency or visit counts.' },
  { key: 'process', name: 'Decision process', description: 'How the decision was made and who was heard.' },
];

export const SAMPLE_CODINGS: SampleCoding[] = [
  { source: 'article', code: 'budget', quote: 'driven by a €480,000 shortfall in next year\'s budget' },
  { source: 'article', code: 'distance', quote: '“For my kids, the bus to Mill Road is forty minutes each way,”' },
  { source: 'article', code: 'digital', quote: 'its computer room was booked “almost every hour it is open.”' },
  { source: 'article', code: 'process', quote: 'Nobody on the council has asked us where she is supposed to go now.' },
  { source: 'article', code: 'memory', quote: 'I learned to read in that building. So did my father.' },
  { source: 'article', code: 'place', quote: 'I learned to read in that building. So did my father. You don\'t measure that in visits per hour.' },
  { source: 'article', code: 'budget', quote: 'Visits fell by a third. At some point you have to stop paying for empty rooms.' },
  { source: 'article', code: 'digital', quote: 'Half the people I know apply for jobs there because they don\'t have internet at home 🙁' },
  { source: 'interview', code: 'process', quote: 'That\'s what hurts — not the decision, the way it was made.' },
  { source: 'interview', code: 'place', quote: 'Most of our customers walk here — we know them by name.' },
  { source: 'interview', code: 'digital', quote: 'A room with tables and the internet.' },
];
