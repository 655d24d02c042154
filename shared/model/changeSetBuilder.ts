// Gathers the records one step adds, updates and removes into a ChangeSet, so plan functions
// can say "remove this, update that" in the order they think of it. Pure.
import { emptyChanges, type ChangeSet, type EntityChanges } from './changeSet';
import { recordsEqual } from './recordsEqual';
import type { EntityKind, EntityTypes } from './entities';

export class ChangeSetBuilder {
  private readonly set: ChangeSet = {};

  private of<K extends EntityKind>(kind: K): EntityChanges<EntityTypes[K]> {
    let c = this.set[kind] as EntityChanges<EntityTypes[K]> | undefined;
    if (!c) (this.set as Record<EntityKind, unknown>)[kind] = c = emptyChanges<EntityTypes[K]>();
    return c;
  }

  add<K extends EntityKind>(kind: K, ...records: Array<EntityTypes[K]>): this {
    if (records.length > 0) this.of(kind).added.push(...records);
    return this;
  }

  /** Records `before` becoming `after`; an update that changes nothing is left out. */
  update<K extends EntityKind>(kind: K, before: EntityTypes[K], after: EntityTypes[K]): this {
    if (!recordsEqual(before, after)) this.of(kind).updated.push([before, after]);
    return this;
  }

  remove<K extends EntityKind>(kind: K, ...records: Array<EntityTypes[K]>): this {
    if (records.length > 0) this.of(kind).removed.push(...records);
    return this;
  }

  build(): ChangeSet {
    return this.set;
  }
}
