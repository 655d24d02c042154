// Suites that need something a developer's machine may lack (see machine.ts): skipped there, and
// under CI=true replaced by one failing test that says what is missing, so a missing folder or
// tool can never make CI pass by running less. Either way the suite's body is not run: bodies
// read their files while tests are collected, which is what made a fresh clone fail.
import { describe, it } from 'vitest';
import { hasSharedDir, hasXmllint, isCI, SHARED_DIR_MISSING, XMLLINT_MISSING } from './machine';

function describeNeeding(available: boolean, missing: string) {
  return (name: string, body: () => void): void => {
    if (available) describe(name, body);
    else if (isCI) {
      describe(name, () => {
        it('has what it needs (required under CI=true)', () => {
          throw new Error(`CI=true: ${missing}`);
        });
      });
    } else {
      describe.skip(name, () => {
        it(`needs what is missing: ${missing}`, () => {});
      });
    }
  };
}

/** A suite that reads the team's `../shared` folder. */
export const describeWithSharedDir = describeNeeding(hasSharedDir(), SHARED_DIR_MISSING);

/** A suite that runs xmllint. */
export const describeWithXmllint = describeNeeding(hasXmllint(), XMLLINT_MISSING);
