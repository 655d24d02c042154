// Strict durability for the writes a researcher cannot redo in a second (opening a project file
// or a backup as a new project, importing sources): Chromium then reports the transaction done
// only once its data is flushed to disk, so a power cut right after "Project opened" cannot lose
// it. Everything else keeps the default (fast) durability, or every digit key would wait for an
// fsync. Dexie sets durability per database only (`chromeTransactionDurability`), so the
// transactions started inside `withStrictDurability` are marked through Dexie's zone (PSD), which
// follows the work across its awaits, and the database's transaction factory reads the mark.
import Dexie from 'dexie';

const STRICT = 'marginaliaStrictDurability';

interface DexieZones {
  PSD: Record<string, unknown>;
  newPSD<T>(fn: () => T, props: Record<string, unknown>): T;
}

interface TransactionFactory {
  _createTransaction: (...args: unknown[]) => { chromeTransactionDurability?: string };
}

const zones = (): DexieZones => Dexie.Promise as unknown as DexieZones;

/** Makes `db` honour `withStrictDurability` (called once, where the database is opened). */
export function honourStrictDurability(db: Dexie): void {
  const target = db as unknown as TransactionFactory;
  const create = target._createTransaction;
  target._createTransaction = function (this: unknown, ...args: unknown[]) {
    const transaction = create.apply(this, args);
    if (zones().PSD[STRICT] === true) transaction.chromeTransactionDurability = 'strict';
    return transaction;
  };
}

/** Runs `work`; the transactions it starts (synchronously, before its first await) are strict. */
export function withStrictDurability<T>(work: () => Promise<T>): Promise<T> {
  return zones().newPSD(work, { [STRICT]: true });
}
