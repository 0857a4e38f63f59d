/**
 * City names (and other text users type) shaped like links, mentions and markup. Each must come
 * back in replies exactly as typed, never as a link, a mention or formatting.
 */
export const HOSTILE_CITIES: ReadonlyArray<{ shape: string; city: string }> = [
  { shape: 'a Markdown link', city: '[Click here](https://evil.example/login)' },
  { shape: 'a Slack link', city: '<https://evil.example/login|Leeds>' },
  { shape: 'mentions', city: '<!channel> <@U0ANNA> @everyone <@123456789012345678> <#C0LEARN>' },
  { shape: 'markup', city: '*Brackley_ ~x~ `y` # ||spoiler||' },
];
