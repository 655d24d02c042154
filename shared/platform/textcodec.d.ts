// TextDecoder/TextEncoder exist in every host we run in (Chromium, Electron, Node) but belong to
// neither the ES lib nor a DOM-free one: declare just what shared code uses.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
