import type { ZixflowWhatsappService } from '../zixflow-whatsapp.service';

/** One `ZixflowModule` registration, as the webhooks, the bot and the queue look accounts up. Internal. */
export interface ZixflowRegistration {
  /** The `name` given to `forRoot` / `forRootAsync`; undefined for the default registration. */
  name: string | undefined;
  service: ZixflowWhatsappService;
}
