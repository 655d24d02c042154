// The inline AnalysisClient, loaded on its first call: the operations it wraps (every analysis,
// the project file reader and writer, the encoding detector behind them) are most of the app's
// code, and the page thread needs them only where no worker runs. Importing them up front made
// every start parse and evaluate them before the first source could be shown.
import type { AnalysisClient } from './analysisClient';

export function createLazyInlineAnalysis(load: () => Promise<AnalysisClient> = async () => (await import('./inlineAnalysis')).createInlineAnalysis()): AnalysisClient {
  let client: Promise<AnalysisClient> | undefined;
  const methods = new Map<PropertyKey, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as AnalysisClient, {
    get(_target, method) {
      // Not a thenable (awaiting the client must not call a method named "then"), and no symbols.
      if (method === 'then' || typeof method === 'symbol') return undefined;
      let call = methods.get(method);
      if (!call) {
        call = async (...args: unknown[]) => {
          client ??= load();
          const loaded = (await client) as unknown as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>;
          return loaded[method]!(...args);
        };
        methods.set(method, call);
      }
      return call;
    },
  });
}
