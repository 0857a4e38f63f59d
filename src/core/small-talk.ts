/**
 * Messages that are conversation, not questions: a greeting, thanks, an acknowledgement, or a
 * question about the bot itself. Searching the documents for "ok" or "thanks" finds some passage
 * that happens to hold the word ("OK – motherhood definitions…") and cites it as an answer.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'about';

const PATTERNS: ReadonlyArray<[SmallTalk, RegExp]> = [
  [
    'greeting',
    /^(?:(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|morning|afternoon)(?: (?:there|all|everyone|bot|again))?|(?:(?:hi|hello|hey|hiya|morning)(?: there| bot)? )?(?:how are (?:you|u|things)(?: doing| going)?(?: today)?|how r u|hows it going|how is it going|how(?:s| is) (?:your|ur) day(?: going)?|how have you been|whats up|sup|you ok|are you ok))$/u,
  ],
  ['thanks', /^(?:(?:ok(?:ay)? |great |brilliant |perfect |lovely )?(?:thanks?|thank you|thankyou|thx|ty|cheers|ta|many thanks)(?: (?:a lot|so much|very much|again|for (?:that|this|the (?:help|answer|info))))*)$/u],
  ['ack', /^(?:ok|okay|k|kk|cool|great|nice|good|fine|sure|alright|all right|got it|understood|perfect|brilliant|noted|ok(?:ay)? (?:great|cool|got it|then)|no|nope|no thanks|no thank you|not now)$/u],
  [
    'about',
    /^(?:what (?:can|do|else can) you do|what do you know|who are you|what are you|how do you work|how (?:can|could) you help(?: me| us)?|what is this(?: bot)?|what are you for|(?:please )?help(?: me| us)?(?: please)?|(?:i|we) need (?:some )?help|(?:can|could) (?:you|someone|anyone) help(?: me| us)?(?: please)?|can (?:i|we) (?:get|have) (?:some )?help)$/u,
  ],
];

/** Longer messages carry a question even when they open with a greeting ("hi, what is a learning city?"). */
const MAX_WORDS = 8;

/** Lower case, apostrophes dropped, everything but letters and digits a single space. */
const normalized = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[’']/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The kind of small talk `text` is, or undefined for anything that may be a question. */
export const smallTalk = (text: string): SmallTalk | undefined => {
  const words = normalized(text);
  if (words === '' || words.split(' ').length > MAX_WORDS) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(words))?.[0];
};

/** The reply to small talk; `about` gets the help text instead, which the caller has. */
export const SMALL_TALK_REPLIES: Record<Exclude<SmallTalk, 'about'>, string> = {
  greeting: 'Hello! I answer questions from our learning-city documents, with their sources, and run self-assessments. Ask a question, or type `help` to see what I can do.',
  thanks: 'You’re welcome. Ask another question any time, or type `help` to see what else I can do.',
  ack: 'Ask another question any time, or type `help` to see what I can do.',
};

/** Words that open a message before its question: "hi, what is…", "ok so who funds it?". */
const GREETING = String.raw`(?:hi|hello|hey|hiya|ok|okay|cheers|quick (?:one|question|q)|(?:a |one )?(?:random|silly|daft) question|(?:thanks|thank you)(?: (?:a lot|so much|for (?:this|that|the (?:answer|help|info))))?|good (?:morning|afternoon|evening))(?: there| all| everyone| bot)?`;
/** "so", "well" and "right" open a question only before a comma or a question word: "right to learn" is a topic. */
const LINKING = String.raw`(?:so|well|right)(?=\s*[,!.:;–—]|\s+(?:what|whats|who|how|why|when|where|which|is|are|do|does|did|can|could|should)\b)`;
/** A hyphen between spaces separates ("Hello bot - who…"); one inside a word does not ("well-being"). */
const SEPARATOR = String.raw`(?:\s*[,!.:;–—]+\s*|\s+-+\s+|\s+|$)`;
const OPENING = new RegExp(`^(?:(?:${GREETING}|${LINKING})${SEPARATOR})+`, 'i');

/**
 * The question without the greeting or "ok so" it opens with, so that it reads as the question it
 * is ("hi, what is a learning city?" is a definition question). The text itself when nothing opens it.
 */
export const withoutOpening = (text: string): string => {
  const rest = text.replace(OPENING, '');
  return rest.trim() === '' ? text : rest;
};

/** "more", "tell me more", "go on": the next passages on the last question. */
const MORE =
  /^(?:(?:(?:tell|show|give) (?:me|us) )?(?:some |any )?more(?: (?:please|info|information|details?|about (?:it|that|this)|on (?:it|that|this)))*|go on|continue|keep going|what else|anything else|what more)$/u;

/** True when `text` asks for more on the last question rather than asking a new one. */
export const isMoreRequest = (text: string): boolean => MORE.test(normalized(text));
