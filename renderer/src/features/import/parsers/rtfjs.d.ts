// rtf.js publishes types for its package entry only; we import the RTF bundle directly (the entry
// re-exports it through an extensionless ESM import that plain Node resolution rejects).
declare module 'rtf.js/dist/RTFJS.bundle.js' {
  export * from 'rtf.js/dist/src/rtfjs/index';
}
