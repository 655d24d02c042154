// Work in turns with rest, for a worker that shares two cores with someone coding: an automatic
// backup of a big project is about 3 s of one core, and the page, the compositor and the raster
// threads that paint the next coding share the other. Rested this way the backup takes longer,
// which nobody waits for, and the key presses meanwhile keep their frames.

/** The share of a core the paced work may take. */
export const PACED_SHARE = 0.4;
/** The longest single rest: the work still ends, however long a step ran. */
const MAX_REST_MS = 400;

/**
 * A function to await between steps: it rests in proportion to the work done since the last
 * call, so that the work takes about `share` of the time.
 */
export function pacer(share = PACED_SHARE, clock: () => number = () => performance.now(), sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): () => Promise<void> {
  let since = clock();
  return async () => {
    const worked = clock() - since;
    const rest = Math.min(MAX_REST_MS, (worked * (1 - share)) / share);
    if (rest >= 1) await sleep(rest);
    since = clock();
  };
}
