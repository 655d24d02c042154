// The "Save project as" button offered next to a storage-full message. The command itself is
// bound once the project-file actions exist (App registers it); until then no button is shown,
// because a button that does nothing is worse than none.

type SaveProjectAs = () => void;

let handler: SaveProjectAs | undefined;

/** Registers what the prompt's button does; returns a function that removes it. */
export function registerSaveProjectAs(next: SaveProjectAs): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = undefined;
  };
}

export function saveProjectAsHandler(): SaveProjectAs | undefined {
  return handler;
}
