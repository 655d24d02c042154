// Setup for every end-to-end test file: a test fails when any page it drove threw an uncaught
// error, even if everything it asserted held (an error logged and swallowed is still a bug a
// user may hit). Errors thrown while a file's pages close fail the file.
import { afterAll, afterEach } from 'vitest';
import { takeUncaughtPageErrors } from '../e2e/support/browser';

function assertNoPageErrors(when: string): void {
  const errors = takeUncaughtPageErrors();
  if (errors.length > 0) throw new Error(`${errors.length} uncaught page error(s) ${when}:\n${errors.join('\n\n')}`);
}

afterEach(() => assertNoPageErrors('during this test'));
afterAll(() => assertNoPageErrors('after the last test (while pages closed)'));
