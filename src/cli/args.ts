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
