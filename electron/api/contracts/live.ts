import { eventIterator, oc } from '@orpc/contract';
import { LiveEvent } from '../schemas';

export const live = {
  /** Engine state changes and container changes, from one events subscription per engine. */
  events: oc.output(eventIterator(LiveEvent)),
};
