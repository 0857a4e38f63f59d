import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command's options, or its usage on standard error and exit code 2 for an option it does not
 * know or a value it lacks: a person who mistypes a flag gets the usage, not a stack trace.
 */
export const readOptions = <T extends Options>(options: T, usage: string): ReturnType<typeof parseArgs<{ options: T }>>['values'] => {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
};

/**
 * Ends the command quietly when whatever reads its output stops reading ("npm run eval | head"):
 * a closed pipe is the reader's choice, not an error worth a stack trace.
 */
export const endQuietlyWhenOutputCloses = (): void => {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
};
