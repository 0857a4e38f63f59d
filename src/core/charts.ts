import { errorMessage } from './errors.js';
import type { ChartRenderer, Logger } from './ports.js';
import type { Reply } from './replies.js';

/**
 * Draws the pending charts of `replies` into image attachments, all at once. A chart that fails or
 * times out is logged and left out: the reply's text already says everything the chart shows.
 * Never rejects; the replies returned carry no `chart` any more.
 */
export const drawCharts = async (
  replies: Reply[],
  renderer: ChartRenderer | undefined,
  logger: Logger,
): Promise<Reply[]> => {
  if (!replies.some((reply) => reply.chart !== undefined)) return replies;
  return Promise.all(
    replies.map(async (reply): Promise<Reply> => {
      const { chart, ...rest } = reply;
      if (chart === undefined) return reply;
      if (renderer === undefined) return rest;
      try {
        const data = await renderer.render(chart.input);
        return { ...rest, image: { filename: chart.filename, mimeType: 'image/png', data, alt: chart.alt } };
      } catch (error) {
        logger.warn({ err: errorMessage(error), filename: chart.filename }, 'chart left out');
        return rest;
      }
    }),
  );
};
