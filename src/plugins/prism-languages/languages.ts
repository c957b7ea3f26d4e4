/**
 * Prism grammars the site registers (from prismjs, through Docusaurus' prism.additionalLanguages):
 * every language a code fence in docs/ uses. prism-react-renderer's own bundled set is removed
 * (./loader.cjs); tests/unit/prism-languages.test.ts keeps this list and the fences in step.
 */
export const PRISM_LANGUAGES = ['bash', 'promql', 'python', 'yaml'] as const;

/** Fence languages that need no grammar: shown as plain text on purpose. */
export const PLAIN_LANGUAGES = ['text'] as const;
