// Copies every IndexedDB database of one origin to another, as two page scripts main runs with
// `executeJavaScript`: `dumpIndexedDbs` in a page of the old origin (file://) returns the data as
// a JSON string, `restoreIndexedDbs` in a page of the new one (app://marginalia) writes it back.
//
// Both functions are sent to the page as source text (`pageScript`), so each must stand alone:
// no imports, no references to anything outside its own body. The JSON carries what Marginalia's
// rows hold and JSON cannot (typed arrays, dates, undefined, NaN) as `{ $idb: kind, value }`.
// The generic copy (stores, key paths, indexes, records) does not depend on Dexie's schema, so it
// stays right whatever schema version the old origin's database is at; Dexie upgrades it on open.

import type { IdbDatabase, IdbFactory, IdbKey, IdbRequest } from './idbTypes';

export interface RestoreOutcome {
  /** Databases written to the new origin. */
  restored: string[];
  /** Databases left alone because the new origin already has one of that name. */
  skipped: string[];
}

/** Runs in a page: reads every database of the page's origin. Resolves to a JSON string. */
export async function dumpIndexedDbs(factory: IdbFactory): Promise<string> {
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  };
  const encode = (value: unknown): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { $idb: 'Number', value: String(value) };
    if (value === undefined) return { $idb: 'undefined' };
    if (value instanceof Date) return { $idb: 'Date', value: value.getTime() };
    if (value instanceof ArrayBuffer) return { $idb: 'ArrayBuffer', value: toBase64(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return { $idb: value.constructor.name, value: toBase64(bytes) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value instanceof Map) return { $idb: 'Map', value: [...value].map(encode) };
    if (value instanceof Set) return { $idb: 'Set', value: [...value].map(encode) };
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const entries = Object.entries(value).map(([k, v]) => [k, encode(v)]);
      // A stored object that itself has a `$idb` key must not be mistaken for a tagged value.
      return '$idb' in value ? { $idb: 'Object', value: entries } : Object.fromEntries(entries);
    }
    throw new Error(`A stored value of type ${Object.prototype.toString.call(value)} cannot be copied.`);
  };
  const request = <T>(req: IdbRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const openExisting = (name: string): Promise<IdbDatabase> =>
    new Promise((resolve, reject) => {
      const req = factory.open(name);
      // The database vanished between listing and opening: do not create an empty one.
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });

  const databases = [];
  for (const info of await factory.databases()) {
    if (!info.name) continue;
    const db = await openExisting(info.name);
    try {
      const stores = [];
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const indexes = Array.from(store.indexNames).map((indexName) => {
          const index = store.index(indexName);
          return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        });
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores.push({
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes,
          records: keys.map((key, i) => [encode(key), encode(values[i])]),
        });
      }
      databases.push({ name: db.name, version: db.version, stores });
    } finally {
      db.close();
    }
  }
  return JSON.stringify({ databases });
}

/**
 * Runs in a page: writes a dump into the page's origin. Each database is created and filled in
 * its one upgrade transaction, so a failure leaves no half-copied database behind, and a database
 * that already exists here (the user has worked under the new origin) is never touched.
 */
export async function restoreIndexedDbs(factory: IdbFactory, dumpJson: string): Promise<RestoreOutcome> {
  const fromBase64 = (text: string): Uint8Array => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const typedArrays: Record<string, new (buffer: ArrayBuffer) => unknown> = {
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
  };
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const record = value as Record<string, unknown>;
    const tag = record['$idb'];
    if (typeof tag !== 'string') {
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
    }
    const inner = record['value'];
    switch (tag) {
      case 'undefined':
        return undefined;
      case 'Number':
        return Number(inner);
      case 'Date':
        return new Date(inner as number);
      case 'ArrayBuffer':
        return fromBase64(inner as string).buffer;
      case 'Map':
        return new Map((inner as unknown[]).map(decode) as [unknown, unknown][]);
      case 'Set':
        return new Set((inner as unknown[]).map(decode));
      case 'Object':
        return Object.fromEntries((inner as [string, unknown][]).map(([k, v]) => [k, decode(v)]));
      default: {
        const Kind = typedArrays[tag];
        if (!Kind) throw new Error(`Unknown value kind in the copy: ${tag}`);
        return new Kind(fromBase64(inner as string).buffer as ArrayBuffer);
      }
    }
  };

  interface StoreDump {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    records: [unknown, unknown][];
  }
  const dump = JSON.parse(dumpJson) as { databases: { name: string; version: number; stores: StoreDump[] }[] };
  const existing = new Set((await factory.databases()).map((info) => info.name));
  const outcome: RestoreOutcome = { restored: [], skipped: [] };
  for (const database of dump.databases) {
    if (existing.has(database.name)) {
      outcome.skipped.push(database.name);
      continue;
    }
    await new Promise<void>((resolve, reject) => {
      const req = factory.open(database.name, database.version);
      req.onupgradeneeded = () => {
        const db = req.result;
        try {
          for (const storeDump of database.stores) {
            const store = db.createObjectStore(storeDump.name, {
              keyPath: storeDump.keyPath,
              autoIncrement: storeDump.autoIncrement,
            });
            for (const index of storeDump.indexes) {
              store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
            }
            for (const [key, value] of storeDump.records) {
              if (storeDump.keyPath === null) store.put(decode(value), decode(key) as IdbKey);
              else store.put(decode(value));
            }
          }
        } catch (error) {
          req.transaction?.abort();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error ?? new Error(`Could not copy ${database.name}`));
      req.onblocked = () => reject(new Error(`Could not copy ${database.name}: it is open elsewhere.`));
    });
    outcome.restored.push(database.name);
  }
  return outcome;
}

/** The source text main hands to `executeJavaScript`: a call of `fn` on the page's `indexedDB`. */
export function pageScript(fn: (factory: IdbFactory, ...args: string[]) => Promise<unknown>, ...args: string[]): string {
  return `(${fn.toString()})(indexedDB${args.map((arg) => `, ${JSON.stringify(arg)}`).join('')})`;
}
