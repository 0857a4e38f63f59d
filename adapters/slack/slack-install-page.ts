/** The bot scopes the app asks for; the same list as `oauth_config.scopes.bot` in manifest.yaml. */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'im:history',
  'im:read',
  'im:write',
  'users:read',
] as const;

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/**
 * The page at /slack/install: says what the bot keeps before anyone installs it, then links to
 * Slack's consent screen (Bolt's `renderHtmlForInstallPath`; the link carries the OAuth state).
 */
export const renderInstallPage = (installUrl: string): string => `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Install Learning City Bot</title></head>
<body>
<h1>Add Learning City Bot to your Slack workspace</h1>
<p>The bot answers questions from learning-city documents with citations, runs self-assessments and
reminds teams about them.</p>
<h2>What the bot stores</h2>
<ul>
<li>For this installation: the workspace (or organisation) id and name, the id of the person who
installs it, the bot's ids and scopes, and the bot token Slack issues. Tokens are stored encrypted
(AES-256-GCM) and never written to logs, exports or messages.</li>
<li>As people use it: assessments in progress and completed results (city, answers, scores),
👍/👎 feedback on answers, reminders with their channel or user, answers to city-wide rounds, and
documents coordinators add with <code>add document</code> (the file's text, for answering). All of it is
kept per workspace and only shown within that workspace.</li>
</ul>
<p>Uninstalling the app (or revoking its token) deletes the stored tokens at once; the workspace's
other data is deleted after a grace period (30 days unless this deployment set another) unless the app is installed again. <code>forget me</code> deletes
what the bot keeps about you, and an admin can delete everything with
<code>delete workspace data</code>.</p>
<p><a href="${escapeHtml(installUrl)}"><img alt="Add to Slack" height="40" width="139"
src="https://platform.slack-edge.com/img/add_to_slack.png"
srcset="https://platform.slack-edge.com/img/add_to_slack.png 1x, https://platform.slack-edge.com/img/add_to_slack@2x.png 2x"></a></p>
</body>
</html>
`;
