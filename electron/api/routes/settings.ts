import { ORPCError } from '@orpc/server';
import { applySettingsPatch, settingsView } from '../../settings/patch';
import { os } from '../base';

export const settings = {
  get: os.settings.get.handler(({ context }) => settingsView(context.settings.get())),
  update: os.settings.update.handler(({ context, input }) => {
    if (input.defaultEngine && !context.registry.list().some((e) => e.id === input.defaultEngine)) {
      throw new ORPCError('BAD_REQUEST', { message: `No engine "${input.defaultEngine}" to make the default: pick one of the engines listed.` });
    }
    return settingsView(context.settings.update((s) => applySettingsPatch(s, input)));
  }),
};
