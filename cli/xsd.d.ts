// The REFI-QDA schemas are bundled into the command line as text (Vite's ?raw imports).
declare module '*.xsd?raw' {
  const text: string;
  export default text;
}
