/** A button (or a numbered option where the platform has no buttons). */
export interface Choice {
  label: string;
  /** Sent back verbatim in a {@link ChoiceEvent}. Keep under 100 characters (Discord's custom_id limit). */
  value: string;
  style?: 'primary' | 'danger';
  /**
   * Words that pick this choice where people type (the console), e.g. `yes`, or `cancel` and `no`;
   * they count only on the line typed right after the choice is shown.
   */
  keywords?: readonly string[];
}

/** A document passage an answer rests on. */
export interface Citation {
  title: string;
  /** Original file name of the document. */
  source: string;
  /** Page the passage is on, for paged documents (PDF); shown as ", p. 12" after the title. */
  page?: number;
}

/** "UNESCO Guidelines for Building Learning Cities, p. 12": the title, and the page where there is one. */
export const citationLabel = (citation: Citation): string =>
  citation.page === undefined ? citation.title : `${citation.title}, p. ${citation.page}`;

/** A picture to attach, already rendered. */
export interface ImageAttachment {
  filename: string;
  mimeType: 'image/png';
  data: Uint8Array;
  /** Text alternative, also used where the platform cannot show images. */
  alt: string;
}

/**
 * A chart still to be drawn. The core draws it away from the event loop (see `ChartRenderer`) and
 * swaps it for an {@link ImageAttachment} before replies leave the core; adapters never see it.
 */
export interface ChartRequest {
  filename: string;
  /** Text alternative of the finished image. */
  alt: string;
  /** The chart module's input, plain data so it can cross to a worker thread; the core never reads it. */
  input: unknown;
}

/**
 * A platform-neutral reply. `text` is light Markdown (`*bold*`, `_italic_`, lists, code spans).
 * Adapters render it; a capability a platform lacks falls back to text.
 */
export interface Reply {
  text: string;
  citations?: Citation[];
  choices?: Choice[];
  image?: ImageAttachment;
  /** Drawn into `image` by the core; a chart that cannot be drawn is left out and the text still goes. */
  chart?: ChartRequest;
  /**
   * `prompt`: a step the user answers with a choice; adapters may update it in place when answered.
   * `summary`: a result meant for the whole channel, not only the thread.
   * `answer`: an answer to a question; adapters may offer feedback buttons.
   */
  kind?: 'prompt' | 'summary' | 'answer' | 'info' | 'error';
  /** Attached to answers so feedback can be tied to the question. */
  feedbackKey?: string;
  /**
   * Worth offering to the rest of the channel (answers, results). Adapters that reply privately
   * may add a "share" control; public replies ignore it.
   */
  shareable?: boolean;
  /**
   * How to answer this reply, worded for each way of answering. Adapters show `buttons` where they
   * draw the choices as buttons, and `typing` where people type (the console).
   */
  howTo?: { buttons: string; typing: string };
  /**
   * Only for the person whose click or message it answers (a respondent's private step): Slack
   * sends it ephemeral, Discord as an ephemeral reply; the console has one reader anyway.
   */
  private?: boolean;
  /** A file to hand over (an export); adapters attach it, write it, or show it as text. */
  file?: FileAttachment;
}

/** A text file produced for the user, e.g. the CSV export. */
export interface FileAttachment {
  filename: string;
  mimeType: 'text/csv';
  content: string;
}

export const textReply = (text: string, kind: Reply['kind'] = 'info'): Reply => ({ text, kind });

/** Choice value for 👍/👎 on an answer; the core records it, adapters only render the buttons. */
export const feedbackValue = (key: string, helpful: boolean): string =>
  `feedback:${helpful ? 'up' : 'down'}:${key}`;
