/**
 * The variables the CLI reads, and the one place it touches the process environment:
 * OPSLEDGER_URL and OPSLEDGER_KEY (override credentials.json), OPSLEDGER_DATA_DIR (where
 * credentials.json is), INIT_CWD (the folder pnpm ran in, against which it resolves) and
 * OPSLEDGER_LOG_LEVEL (the diagnostics on stderr). Blank
 * means unset; the client checks the URL and the key when it uses them.
 */
// A type, not an interface: it must fit NodeJS.ProcessEnv's index signature (io.env).
export type CliEnv = {
  OPSLEDGER_URL?: string | undefined;
  OPSLEDGER_KEY?: string | undefined;
  OPSLEDGER_DATA_DIR?: string | undefined;
  INIT_CWD?: string | undefined;
  OPSLEDGER_LOG_LEVEL?: string | undefined;
};

export function cliEnv(): CliEnv {
  const { OPSLEDGER_URL, OPSLEDGER_KEY, OPSLEDGER_DATA_DIR, INIT_CWD, OPSLEDGER_LOG_LEVEL } =
    process.env;
  return { OPSLEDGER_URL, OPSLEDGER_KEY, OPSLEDGER_DATA_DIR, INIT_CWD, OPSLEDGER_LOG_LEVEL };
}
