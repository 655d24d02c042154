// Shows "folding keeps failing" reports (db/operations/folding.ts) as error notices, so a full
// disk is told to the user rather than swallowed.
import { useEffect } from 'react';
import { onFoldingFailure } from '../db/operations/folding';
import { useUiStore } from '../stores/uiStore';

export function useFoldingReports(): void {
  useEffect(() => onFoldingFailure((message) => useUiStore.getState().notify('error', message)), []);
}
