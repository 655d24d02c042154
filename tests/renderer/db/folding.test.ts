// Folding recent coding rows into columns happens in the background; when it keeps failing (a
// full disk) the user is told, once, rather than the error being swallowed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../support/freshDatabase';
import { foldWhenDue, onFoldingFailure } from '../../../renderer/src/db/operations/folding';
import * as repository from '../../../renderer/src/db/codingsRepository';

useFreshDatabase();
afterEach(() => vi.restoreAllMocks());

describe('background folding', () => {
  it('reports folding that keeps failing, once', async () => {
    vi.spyOn(repository, 'countRecentCodings').mockResolvedValue(repository.FOLD_THRESHOLD);
    vi.spyOn(repository, 'foldRecentCodings').mockRejectedValue(new Error('QuotaExceededError'));
    const heard: string[] = [];
    const stop = onFoldingFailure((m) => heard.push(m));
    for (let i = 0; i < 5; i++) foldWhenDue('s1');
    await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 5000 });
    expect(heard[0]).toMatch(/could not tidy the stored codings \(QuotaExceededError\)/);
    stop();
  });
});
