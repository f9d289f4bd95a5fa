import { ORPCError } from '@orpc/server';
import { checkCredentials } from '../../registries/check';
import { registerSecret } from '../../registries/secrets';
import { os } from '../base';

export const registries = {
  list: os.registries.list.handler(async ({ context }) => ({
    registries: await context.credentials.list(),
    rememberMode: context.credentials.rememberMode,
  })),
  signIn: os.registries.signIn.handler(async ({ context, input }) => {
    registerSecret(input.password);
    const result = await checkCredentials(input.host, input.username, input.password);
    if (result.ok) context.credentials.signIn(input.host, input.username, input.password, input.remember);
    return result;
  }),
  signOut: os.registries.signOut.handler(({ context, input }) => ({ removed: context.credentials.signOut(input.host) })),
  check: os.registries.check.handler(async ({ context, input }) => {
    const auth = await context.credentials.resolve(input.host);
    if (!auth) throw new ORPCError('NOT_FOUND', { message: `No credentials for ${input.host}: sign in first.` });
    return checkCredentials(input.host, auth.username, auth.password);
  }),
};
