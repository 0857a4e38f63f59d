import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';

/** What an event handler gets: Bolt's arguments for that event type. */
export type EventHandler<T extends string> = (args: SlackEventMiddlewareArgs<T> & AllMiddlewareArgs) => Promise<void>;
/** What a button handler gets: Bolt's arguments for a block action. */
export type ClickHandler = (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => Promise<void>;

/** Where the adapter's modules register their event and button handlers. */
export interface SlackListeners {
  /** `handler` gets every event of `type`; one handler per type. */
  event<T extends string>(type: T, handler: EventHandler<T>): void;
  /** `handler` gets clicks whose action id matches; action ids of different handlers never overlap. */
  action(actionId: string | RegExp, handler: ClickHandler): void;
}

type AnyEventHandler = (args: SlackEventMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/**
 * Bolt runs the middleware chain of every listener for every request, copying the request's
 * arguments at each step, even for a listener that then ignores it. Registered one by one, the
 * handlers cost each mention eight chains; here they sit behind one Bolt listener for events and one
 * for clicks, and the handler is picked by event type or action id. What nobody handles is left as
 * Bolt leaves it when no listener matches: events are acknowledged, clicks are not.
 */
export const createSlackListeners = (app: App): SlackListeners => {
  const events = new Map<string, AnyEventHandler>();
  const clicks: Array<{ actionId: string | RegExp; handler: ClickHandler }> = [];
  app.event(/^/u, async (args) => {
    await events.get(args.event.type)?.(args);
  });
  app.action({ type: 'block_actions' }, async (args) => {
    const id = args.action.action_id;
    const click = clicks.find(({ actionId }) => (typeof actionId === 'string' ? actionId === id : actionId.test(id)));
    await click?.handler(args);
  });
  return {
    event(type, handler) {
      if (events.has(type)) throw new Error(`a handler for Slack ${type} events is already registered`);
      // Only events of `type` reach it, so they carry Bolt's arguments for that type.
      events.set(type, handler as unknown as AnyEventHandler);
    },
    action(actionId, handler) {
      clicks.push({ actionId, handler });
    },
  };
};
