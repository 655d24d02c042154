// Types for electronBinary.mjs, so TypeScript tests can import the plain-Node script.
export declare const MISSING_ELECTRON_MESSAGE: string;
export declare function findElectronPackage(projectDir: string): string | null;
export declare function findElectronBinary(electronDir: string): string | null;
