// Writes a preference that may change many times a second (a pane being dragged, a document being
// scrolled): the first change is written at once, later ones at most every `ms`, and the last one
// always. Writing the first at once means a single change (a key press, a click) is stored before
// the user could reload; a trailing write keeps the end of a drag.
export function throttledWriter<T>(write: (value: T) => void, ms: number): { schedule(value: T): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | null = null;
  const open = (): void => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!pending) return;
      const { value } = pending;
      pending = null;
      write(value);
      open();
    }, ms);
  };
  return {
    schedule(value) {
      if (timer === undefined) {
        write(value);
        open();
      } else pending = { value };
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}
