import { ZixflowConfigurationError } from '../../core/errors/zixflow-configuration.error';
import type { ZixflowDialogDefinition, ZixflowDialogOptions } from './zixflow-dialog.types';

/** A dialog found at start-up: its options and the provider that has its steps. */
export interface RegisteredDialog {
  options: Required<Pick<ZixflowDialogOptions, 'id' | 'version'>> & ZixflowDialogOptions;
  definition: ZixflowDialogDefinition<Record<string, unknown>>;
}

/** Every dialog by id; filled by the explorer, read by the dialog runner. */
export class DialogRegistry {
  private readonly dialogs = new Map<string, RegisteredDialog>();

  /** Adds a dialog; two dialogs with one id stop start-up. */
  add(
    options: ZixflowDialogOptions,
    definition: ZixflowDialogDefinition<Record<string, unknown>>,
    owner: string,
  ): void {
    if (this.dialogs.has(options.id)) {
      throw new ZixflowConfigurationError(
        `ZixflowBotModule: two dialogs have the id "${options.id}" (one is ${owner})`,
      );
    }
    if (!Array.isArray(definition.steps) || definition.steps.length === 0) {
      throw new ZixflowConfigurationError(`ZixflowBotModule: dialog "${options.id}" (${owner}) has no steps`);
    }
    this.dialogs.set(options.id, { options: { ...options, version: options.version ?? 1 }, definition });
  }

  /** The dialog with `id`, if there is one. */
  get(id: string): RegisteredDialog | undefined {
    return this.dialogs.get(id);
  }
}
