import type { ZixflowDialogOptions } from '../dialogs/zixflow-dialog.types';
import { BotDialogMetadata } from './bot-metadata';

/**
 * Marks a provider as a dialog: a multi-step conversation whose `steps` run one per customer
 * answer, whose position is saved with the conversation (so it survives restarts and deploys), and
 * which a route starts with `ctx.beginDialog(id)`. The provider can inject services as usual.
 */
export function ZixflowDialog(options: ZixflowDialogOptions): ClassDecorator {
  return BotDialogMetadata(options);
}
