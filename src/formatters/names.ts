/**
 * The output formats' names, in `--help` order, without loading the formatters (the CLI's help text
 * needs only these; registry.ts checks that its formatters are exactly these).
 */
export const FORMAT_NAMES: readonly string[] = ['text', 'json', 'junit', 'sarif', 'github', 'gitlab', 'markdown', 'html', 'xlsx'];
