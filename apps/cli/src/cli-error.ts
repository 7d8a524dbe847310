/** A mistake the user can fix (a flag, a file, a credential): shown as one line, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
