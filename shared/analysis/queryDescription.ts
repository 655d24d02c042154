// A query in words, for the list of saved queries and the heading of its results:
// "Distrust (with subcodes) within 2 paragraphs of Trust".
import type { Query, QueryOperand } from './queries';

export function describeQuery(query: Query, codeName: (codeId: string) => string): string {
  const name = (o: QueryOperand): string => `${codeName(o.codeId)}${o.includeSubcodes ? ' (with subcodes)' : ''}`;
  const a = name(query.a);
  const b = name(query.b);
  const units = (n: number, unit: 'characters' | 'paragraphs'): string => `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
  switch (query.kind) {
    case 'and':
      return `${a} and ${b} overlapping`;
    case 'or':
      return `${a} or ${b}`;
    case 'not':
      return `${a} but not ${b}`;
    case 'same':
      return `${a} and ${b} in the same ${query.unit}`;
    case 'near':
      return `${a} within ${units(query.distance, query.unit)} of ${b}`;
    case 'followedBy':
      return `${a} followed by ${b} within ${units(query.distance, query.unit)}`;
  }
}
