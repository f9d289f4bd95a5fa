import { collectDiagnostics } from '../../shell/collect-diagnostics';
import { os } from '../base';

export const diagnostics = {
  get: os.diagnostics.get.handler(({ context }) => ({ text: collectDiagnostics(context) })),
};
