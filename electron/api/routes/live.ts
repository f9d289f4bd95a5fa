import { os } from '../base';

export const live = {
  events: os.live.events.handler(async function* ({ context, signal }) {
    // Subscribe first, then replay current engine states, so nothing falls in between.
    const sub = context.registry.subscribe(signal);
    for (const engine of context.registry.list()) yield { kind: 'engine' as const, engine };
    yield* sub;
  }),
};
