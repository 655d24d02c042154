// The part of the IndexedDB API the storage copy uses, typed here because main's TypeScript has no
// DOM library: the copy's functions run in a page, but are compiled (and tested) with main.

export type IdbKey = string | number | Date | ArrayBuffer | ArrayBufferView | IdbKey[];
export type IdbKeyPath = string | string[] | null;

export interface IdbRequest<T> {
  readonly result: T;
  readonly error: unknown;
  readonly transaction: { abort(): void } | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}

export interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: (() => void) | null;
  onblocked: (() => void) | null;
}

export interface IdbIndex {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
}

export interface IdbObjectStore {
  readonly keyPath: IdbKeyPath;
  readonly autoIncrement: boolean;
  readonly indexNames: ArrayLike<string>;
  index(name: string): IdbIndex;
  getAll(): IdbRequest<unknown[]>;
  getAllKeys(): IdbRequest<IdbKey[]>;
  put(value: unknown, key?: IdbKey): unknown;
  createIndex(name: string, keyPath: string | string[], options: { unique: boolean; multiEntry: boolean }): unknown;
}

export interface IdbDatabase {
  readonly name: string;
  readonly version: number;
  readonly objectStoreNames: ArrayLike<string>;
  transaction(store: string, mode: 'readonly'): { objectStore(name: string): IdbObjectStore };
  createObjectStore(name: string, options: { keyPath: IdbKeyPath; autoIncrement: boolean }): IdbObjectStore;
  close(): void;
}

export interface IdbFactory {
  databases(): Promise<{ name?: string; version?: number }[]>;
  open(name: string, version?: number): IdbOpenRequest;
}
