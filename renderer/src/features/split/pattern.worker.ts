// Runs a user's split pattern off the main thread: a regular expression that backtracks
// catastrophically would otherwise freeze the window. The caller terminates this worker when
// it takes too long (see patternPreview.ts).
import { splitByCustomPattern, type CustomPatternResult } from '../../../../shared/import/split/customPattern';

export interface PatternRequest {
  text: string;
  pattern: string;
  flags: string;
}

// The renderer's tsconfig has the DOM lib, not WebWorker: describe the little of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PatternRequest>) => void) | null;
  postMessage(message: CustomPatternResult): void;
};

scope.onmessage = (event) => {
  const { text, pattern, flags } = event.data;
  scope.postMessage(splitByCustomPattern(text, pattern, { flags }));
};
