// Coder records of a project: adding one (a person joins before coding anything) and bringing
// one's name and colour up to date (the "Who is coding?" answer replacing the name first
// suggested). Neither is an undoable step: they say who works in the project, not what was done.
import type { Coder } from '../../../../shared/model/coder';
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import { rowsByKey } from '../recordsRepository';
import { commit } from './commit';

/**
 * Saves the coder's record: adds it when the project has none (`add`), or updates the name and
 * colour of the one it has. A record of that id in another project is left alone.
 */
export async function saveCoderRecord(coder: Coder, { add }: { add: boolean }): Promise<void> {
  await commit(
    coder.projectId,
    `Add coder ${coder.name}`,
    async () => {
      const [stored] = await rowsByKey('coders', [coder.id]);
      const changes = new ChangeSetBuilder();
      if (!stored) {
        if (add) changes.add('coders', coder);
      } else if (stored.projectId === coder.projectId) changes.update('coders', stored, { ...stored, name: coder.name, color: coder.color });
      return changes.build();
    },
    { history: false },
  );
}
