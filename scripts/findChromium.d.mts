// Types for findChromium.mjs, so TypeScript tests and the vitest config can import the plain-Node script.
export declare const CHROMIUM_HINT: string;
export declare function usualLocations(platform: string, env: Record<string, string | undefined>): string[];
export type ChromiumSearch = { path: string; found: string } | { path: null; reason: string };
export declare function findChromium(options?: {
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (path: string) => boolean;
  playwrightPath?: () => string;
}): ChromiumSearch;
