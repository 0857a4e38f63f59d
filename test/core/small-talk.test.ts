import { describe, expect, it } from 'vitest';
import { smallTalk, withoutOpening } from '../../src/core/small-talk.js';

describe('small talk', () => {
  it('tells greetings, thanks, acknowledgements and questions about the bot from questions', () => {
    expect(['Hello!', 'hey there', 'Good afternoon, bot'].map(smallTalk)).toEqual(['greeting', 'greeting', 'greeting']);
    // Asking how the bot is, with or without a greeting first.
    expect(["hiya, how's your day going?", 'how are you?', 'Hi bot, how are you doing today', "how's it going", 'whats up'].map(smallTalk)).toEqual(Array(5).fill('greeting'));
    expect(['Thanks a lot!', 'thank you for the help', 'Cheers'].map(smallTalk)).toEqual(['thanks', 'thanks', 'thanks']);
    expect(['OK', 'got it.', 'okay great'].map(smallTalk)).toEqual(['ack', 'ack', 'ack']);
    // "no" answers something the bot said; it is not a question to search for.
    expect(['no', 'Nope', 'no thanks'].map(smallTalk)).toEqual(['ack', 'ack', 'ack']);
    expect(['What can you do?', 'how can you help us', 'who are you'].map(smallTalk)).toEqual(['about', 'about', 'about']);
    // Asking for help in words gets the help, not a passage that holds "help".
    expect(['help me', 'Help please!', 'please help us', 'I need some help', 'can you help me?', 'can I get help'].map(smallTalk)).toEqual(Array(6).fill('about'));
    // Anything that may be a question is left to the documents.
    for (const text of ['hello, who funds Bristol Learning City?', 'thanks to partners, what changed?', 'ok to share results?', 'good practice in Leeds', 'help me find funding', 'can you help me plan a festival?', 'how are learning cities funded?', 'how is your city doing?', 'yes', '']) {
      expect(smallTalk(text), text).toBeUndefined();
    }
  });

  it('takes the greeting or "ok so" off the front of a question, and nothing that belongs to it', () => {
    expect(withoutOpening('hi, what is a learning city?')).toBe('what is a learning city?');
    expect(withoutOpening('OK so who funds it?')).toBe('who funds it?');
    expect(withoutOpening('Hello bot - thanks for this: what is a learning region?')).toBe('what is a learning region?');
    expect(withoutOpening('Well, how do cities fund festivals?')).toBe('how do cities fund festivals?');
    expect(withoutOpening('quick one: how many cities are in the network?')).toBe('how many cities are in the network?');
    expect(withoutOpening('Random question - who organised the first congress?')).toBe('who organised the first congress?');
    for (const text of ['Right to learn in cities?', 'well-being in learning cities', 'Hiking in Leeds?', 'So-called learning regions', 'quick one-day courses?', 'hello']) {
      expect(withoutOpening(text), text).toBe(text);
    }
  });
});
