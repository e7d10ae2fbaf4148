import { Inject } from '@nestjs/common';
import { ZixflowWhatsappService } from '../zixflow-whatsapp.service';

/**
 * The injection token of the service of a `ZixflowModule` registration: the
 * {@link ZixflowWhatsappService} class itself for the unnamed default, `ZixflowWhatsappService:<name>`
 * for `ZixflowModule.forRoot({ name, … })`. For `moduleRef.get()` and custom providers.
 */
export function getZixflowServiceToken(name?: string): typeof ZixflowWhatsappService | string {
  return name === undefined ? ZixflowWhatsappService : `ZixflowWhatsappService:${name}`;
}

/**
 * Injects the service of a named registration (`@InjectZixflow('brand-b')`), or the default one
 * without a name (the same as injecting {@link ZixflowWhatsappService} by type).
 */
export function InjectZixflow(name?: string): PropertyDecorator & ParameterDecorator {
  return Inject(getZixflowServiceToken(name));
}
