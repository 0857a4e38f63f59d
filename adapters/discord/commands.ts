import { SlashCommandBuilder, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** How a slash command becomes the text the core parses, and whether it may be slow. */
interface CommandSpec {
  builder: { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Reads the command's options and builds the core message text. */
  toText: (option: (name: string) => string | null) => string;
  /**
   * Answered after `deferReply`: searching, scoring and chart rendering may pass Discord's
   * three-second deadline for the first response.
   */
  deferred: boolean;
}

const clean = (value: string | null): string => (value ?? '').replace(/\s+/gu, ' ').trim();

const SPECS: Record<string, CommandSpec> = {
  ask: {
    builder: new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question about learning cities; the answer cites its sources.')
      .addStringOption((option) =>
        option.setName('question').setDescription('Your question, in plain words').setRequired(true).setMaxLength(1_000),
      ),
    toText: (option) => `ask ${clean(option('question'))}`,
    deferred: true,
  },
  assess: {
    builder: new SlashCommandBuilder()
      .setName('assess')
      .setDescription('Run a self-assessment for your city, one question at a time.')
      .addStringOption((option) =>
        option.setName('framework').setDescription('Framework id (see /frameworks); empty for the default').setMaxLength(100),
      )
      .addStringOption((option) => option.setName('city').setDescription('City being assessed').setMaxLength(100))
      .addStringOption((option) =>
        option
          .setName('group')
          .setDescription('A city-wide round: everyone here answers privately, the bot collates (coordinators)')
          .addChoices({ name: 'yes: open a city-wide round', value: 'yes' }),
      )
      .addStringOption((option) =>
        option.setName('until').setDescription('When a city-wide round closes, e.g. Friday 17:00 (default: in 7 days)').setMaxLength(60),
      ),
    toText: (option) => {
      const framework = clean(option('framework'));
      const city = clean(option('city'));
      const group = clean(option('group')) === 'yes';
      const until = clean(option('until'));
      return ['assess', framework, city === '' ? '' : `for ${city}`, group ? 'as a group' : '', group && until !== '' ? `until ${until}` : '']
        .filter((part) => part !== '')
        .join(' ');
    },
    deferred: true,
  },
  results: {
    builder: new SlashCommandBuilder()
      .setName('results')
      .setDescription('Show a city’s self-assessment results over time.')
      .addStringOption((option) => option.setName('city').setDescription('City; empty for all cities').setMaxLength(100)),
    toText: (option) => `results ${clean(option('city'))}`.trim(),
    deferred: true,
  },
  export: {
    builder: new SlashCommandBuilder().setName('export').setDescription('Export this server’s assessment results as CSV.'),
    toText: () => 'export',
    deferred: true,
  },
  'close-round': {
    builder: new SlashCommandBuilder()
      .setName('close-round')
      .setDescription('Close the city-wide round open in this channel now and post its summary (coordinators).')
      .addStringOption((option) => option.setName('round').setDescription('Round id, when several are open').setMaxLength(20)),
    toText: (option) => `close round ${clean(option('round'))}`.trim(),
    deferred: true,
  },
  frameworks: {
    builder: new SlashCommandBuilder().setName('frameworks').setDescription('List the self-assessment frameworks.'),
    toText: () => 'frameworks',
    deferred: false,
  },
  help: {
    builder: new SlashCommandBuilder().setName('help').setDescription('What this bot can do.'),
    toText: () => 'help',
    deferred: false,
  },
};

/** Names of the slash commands, in registration order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(SPECS);

/** The slash command definitions as sent to Discord's bulk-overwrite endpoint. */
export const commandDefinitions = (): RESTPostAPIChatInputApplicationCommandsJSONBody[] =>
  Object.values(SPECS).map((spec) => spec.builder.toJSON());

/**
 * The core message text for a slash command (`/assess framework:unesco city:Cork` ->
 * `assess unesco for Cork`), or `undefined` for a command this bot does not define.
 */
export const commandText = (name: string, option: (name: string) => string | null): string | undefined =>
  Object.hasOwn(SPECS, name) ? SPECS[name]?.toText(option) : undefined;

/** True when the command is answered after `deferReply` rather than at once. */
export const isDeferredCommand = (name: string): boolean => (Object.hasOwn(SPECS, name) ? SPECS[name]?.deferred === true : false);
