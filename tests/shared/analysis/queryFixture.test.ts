// The counts the Queries end-to-end test expects of its fixture, from the pure query logic and
// the matrix builder: if the logic changes, this says so before a browser starts.
import { describe, expect, it } from 'vitest';
import { runQuery, type Query } from '../../../shared/analysis/queries';
import { unitMatrixCsvOf } from '../../../shared/analysis/unitMatrixExport';
import { paragraphStarts } from '../../../shared/analysis/paragraphUnits';
import { CODE_IDS, FORUM_TEXT, queryProjectSnapshot } from '../../fixtures/queries/queryProject';

const project = queryProjectSnapshot();
const data = {
  codes: project.codes,
  codings: project.codings,
  cases: { cases: project.cases, attributes: project.attributes, values: project.caseValues, links: project.caseLinks },
  texts: new Map([[project.sources[0]!.id, FORUM_TEXT]]),
};
const trust = { codeId: CODE_IDS.trust };
const transport = { codeId: CODE_IDS.transport };
const distrust = { codeId: CODE_IDS.distrust, includeSubcodes: true };

const EXPECTED: Array<[string, Query, string[]]> = [
  ['and', { kind: 'and', a: trust, b: transport }, ['the council']],
  ['or', { kind: 'or', a: trust, b: transport }, ['I trust the council', 'the council. The buses are late', 'trust them', 'The port is busy', 'Buses are fine']],
  ['not', { kind: 'not', a: trust, b: transport }, ['trust them']],
  ['same case', { kind: 'same', a: trust, b: transport, unit: 'case' }, ['I trust the council', 'the council. The buses are late', 'trust them', 'The port is busy']],
  ['same paragraph', { kind: 'same', a: trust, b: transport, unit: 'paragraph' }, ['I trust the council', 'the council. The buses are late']],
  ['same segment', { kind: 'same', a: trust, b: transport, unit: 'segment' }, ['I trust the council', 'the council. The buses are late']],
  ['near 1 paragraph', { kind: 'near', a: trust, b: transport, distance: 1, unit: 'paragraphs' }, ['I trust the council', 'the council. The buses are late', 'trust them', 'The port is busy']],
  // China counts as Distrust (a subcode); "I do not trust them" ends 27 characters before "The port".
  ['followed by 10 characters', { kind: 'followedBy', a: distrust, b: transport, distance: 10, unit: 'characters' }, ['China owns the port', 'The port is busy']],
];

describe('the Queries fixture', () => {
  it.each(EXPECTED)('%s finds exactly the expected passages', (_, query, passages) => {
    const found = runQuery(query, data).map((r) => FORUM_TEXT.slice(r.start, r.end));
    expect(found).toEqual(passages);
  });

  it.each(EXPECTED)('%s finds the same from kept paragraph starts as from the texts', (_, query, passages) => {
    const { texts, ...rest } = data;
    const paragraphs = new Map([...texts].map(([id, text]) => [id, paragraphStarts(text)]));
    expect(runQuery(query, { ...rest, paragraphs }).map((r) => FORUM_TEXT.slice(r.start, r.end))).toEqual(passages);
  });

  it('gives the expected case × code matrix', () => {
    expect(unitMatrixCsvOf(project, { unit: 'case' })).toBe(
      '\uFEFFcase,case_type,Trust,Transport,Prices,Distrust,Distrust_China,region\r\nAnn,commenter,1,1,1,0,0,Kanto\r\nBo,commenter,1,1,0,1,1,Kansai\r\nCy,commenter,0,1,0,0,0,\r\n',
    );
  });
});
