/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Clock, injectable for tests (default: the real one). */
  now?: () => Date;
}
