import { describe, expect, it } from 'vitest';
import { buildQdc, guidFor } from '../../../shared/refi/qdcWrite';
import type { Code, CodeSet } from '../../../shared/model/types';
import { code } from '../codebook/fixtures';
import { CODEBOOK_XSD, canValidate, validateAgainst } from './xmllint';

const ids = {
  topics: '5215cc69-b628-4e02-afb9-9beeaee55808',
  economy: 'd7aa29da-519b-4946-9b90-253b6db8fd0a',
  jobs: '0dcef2f5-e55c-49da-8c33-9b0803c7aeb4',
  values: '9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520',
  set: '7c108712-b650-4892-ac0b-fc9a10190c3b',
};

const codebook = (): Code[] => [
  code(ids.topics, null, 0, { name: 'Topics', isCodable: false, color: 'not a colour' }),
  code(ids.economy, ids.topics, 0, {
    name: 'Economy & "jobs"\t<taxes>',
    description: 'Anything about jobs\r\nor taxes\u0001',
    inclusion: 'Money is named',
    color: '#FFFF00',
  }),
  code(ids.jobs, ids.economy, 0, { name: 'Jobs' }),
  code(ids.values, null, 1, { name: 'Values 😀', exclusion: 'Party names alone' }),
];
const sets = (): CodeSet[] => [
  { id: ids.set, projectId: 'p1', name: 'Politics', description: 'Codes about politics', codeIds: [ids.economy, ids.values, 'deleted-code'] },
  { id: 'b0a1c2d3-0000-4000-8000-000000000000', projectId: 'p1', name: 'Empty set', description: '', codeIds: [] },
];

describe('buildQdc', () => {
  it('writes nested codes in the schema’s order with GUIDs taken from the code ids', () => {
    const xml = buildQdc({ codes: codebook(), codeSets: sets() });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Marginalia">',
        '  <Codes>',
        `    <Code guid="${ids.topics}" name="Topics" isCodable="false">`,
        `      <Code guid="${ids.economy}" name="Economy &amp; &quot;jobs&quot;&#9;&lt;taxes&gt;" isCodable="true" color="#ffff00">`,
        '        <Description>Anything about jobs&#13;\nor taxes\n\nInclusion criteria:\nMoney is named</Description>',
        `        <Code guid="${ids.jobs}" name="Jobs" isCodable="true" color="#e6194b"/>`,
        '      </Code>',
        '    </Code>',
        `    <Code guid="${ids.values}" name="Values 😀" isCodable="true" color="#e6194b">`,
        '      <Description>Exclusion criteria:\nParty names alone</Description>',
        '    </Code>',
        '  </Codes>',
        '  <Sets>',
        `    <Set guid="${ids.set}" name="Politics">`,
        '      <Description>Codes about politics</Description>',
        `      <MemberCode guid="${ids.economy}"/>`,
        `      <MemberCode guid="${ids.values}"/>`,
        '    </Set>',
        '    <Set guid="b0a1c2d3-0000-4000-8000-000000000000" name="Empty set"/>',
        '  </Sets>',
        '</CodeBook>',
        '',
      ].join('\n'),
    );
  });

  it('leaves out <Sets> when there are no sets, since an empty one is invalid', () => {
    expect(buildQdc({ codes: codebook() })).not.toContain('Sets');
    expect(buildQdc({ codes: codebook(), codeSets: [] })).not.toContain('Sets');
  });

  it('gives the same GUIDs on every export, also for ids that are not UUIDs', () => {
    const legacy = [code('legacy-1', null, 0), code('legacy-2', 'legacy-1', 0)];
    const first = buildQdc({ codes: legacy });
    expect(buildQdc({ codes: [...legacy].reverse() })).toBe(first);
    expect(buildQdc({ codes: codebook(), codeSets: sets() })).toBe(buildQdc({ codes: codebook(), codeSets: sets() }));
    expect(guidFor('legacy-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFor('legacy-1')).not.toBe(guidFor('legacy-2'));
    expect(guidFor('{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}')).toBe(ids.economy);
  });

  it('refuses an empty codebook, which the schema cannot express', () => {
    expect(() => buildQdc({ codes: [] })).toThrow(RangeError);
  });

  it.runIf(canValidate)('validates against Codebook-mrt2019.xsd (xmllint)', () => {
    const documents = [
      buildQdc({ codes: codebook(), codeSets: sets() }),
      buildQdc({ codes: codebook() }),
      buildQdc({ codes: [code('legacy', null, 0, { name: '' })], origin: 'Test & "origin"' }),
    ];
    const result = validateAgainst(CODEBOOK_XSD, documents);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it.runIf(canValidate)('the schema check does reject an invalid file (the test can fail)', () => {
    const invalid = buildQdc({ codes: codebook() }).replace('</Codes>', '</Codes>\n  <Sets/>');
    expect(validateAgainst(CODEBOOK_XSD, [invalid]).ok).toBe(false);
  });
});
