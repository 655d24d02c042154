// The consensus coder: the project's coder named "Consensus", into whom "Accept" in the list of
// disagreements copies a coder's version. Found by name so that two colleagues' consensus codings
// meet after a merge even when each made the coder on their own machine.
export const CONSENSUS_NAME = 'Consensus';

/** The project's consensus coder among its coders, by name (any case), if it has one. */
export function findConsensusCoder<C extends { name: string }>(coders: readonly C[]): C | undefined {
  return coders.find((c) => c.name.trim().toLowerCase() === CONSENSUS_NAME.toLowerCase());
}
