// Types for pdfjsAssets.mjs, so the TypeScript Vite configs and tests can import the plain-Node plugin.
import type { Plugin } from 'vite';

export declare function pdfjsAssets(): Plugin;
