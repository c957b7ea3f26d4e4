/** Strings found only in a heavy library's own code, to tell which ones a page downloaded. */
export const HEAVY_LIBRARIES = {
  /** mermaid's syntax-error renderer. */
  mermaid: 'Syntax error in text',
  /** CodeMirror, the editor inside Sandpack. */
  codemirror: 'cm-editor',
} as const;

export type HeavyLibrary = keyof typeof HEAVY_LIBRARIES;

/** Whether any of the script sources contains the library's own code. */
export function loadsLibrary(scriptSources: Iterable<string>, library: HeavyLibrary): boolean {
  return [...scriptSources].some((source) => source.includes(HEAVY_LIBRARIES[library]));
}
