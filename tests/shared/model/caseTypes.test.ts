// Case types: which attributes describe which cases.
import { describe, expect, it } from 'vitest';
import { attributeAppliesTo, attributesForCaseType, caseTypeLabel, caseTypesInUse, normaliseCaseType } from '../../../shared/model/caseTypes';

const attributes = [
  { id: 'age', caseType: 'respondent' },
  { id: 'sector', caseType: 'organisation' },
  { id: 'region' },
];

describe('case types', () => {
  it('shows a type’s own attributes and the untyped ones; an untyped case has all', () => {
    expect(attributesForCaseType(attributes, 'respondent').map((a) => a.id)).toEqual(['age', 'region']);
    expect(attributesForCaseType(attributes, 'commenter').map((a) => a.id)).toEqual(['region']);
    expect(attributesForCaseType(attributes, undefined).map((a) => a.id)).toEqual(['age', 'sector', 'region']);
    expect(attributeAppliesTo({}, 'anything')).toBe(true);
  });

  it('reads typed names: built-in ones in any letter case, the user’s own as typed, blank as untyped', () => {
    expect(normaliseCaseType('  Respondent ')).toBe('respondent');
    expect(normaliseCaseType('ORGANISATION')).toBe('organisation');
    expect(normaliseCaseType('Focus  group')).toBe('Focus group');
    expect(normaliseCaseType('   ')).toBeUndefined();
    expect(caseTypeLabel('interviewee')).toBe('Interviewee');
    expect(caseTypeLabel('Focus group')).toBe('Focus group');
    expect(caseTypeLabel(undefined)).toBe('Any type');
  });

  it('lists the types in use, built-in first', () => {
    expect(caseTypesInUse([{ type: 'Zine' }, { type: 'commenter' }, {}, { type: 'Club' }], [{ caseType: 'respondent' }])).toEqual(['commenter', 'respondent', 'Club', 'Zine']);
  });
});
