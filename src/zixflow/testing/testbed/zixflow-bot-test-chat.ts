import type { SandboxSentMessage } from '../zixflow-sandbox.types';
import type { ZixflowBotTestbed } from './zixflow-bot-testbed';

/** One bot reply as the customer would see it, and the body that left the app. */
export interface ZixflowBotTestReply {
  /**
   * A readable line: the text, a button list `[Track order] [Talk to us]`, a list
   * `Pick [Menu] (Track) (Help)`, a media link, a reaction, a template name.
   */
  text: string;
  /** The JSON body the app sent to Zixflow. */
  body: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function objectAt(holder: unknown, key: string): Json {
  const value = typeof holder === 'object' && holder !== null ? (holder as Json)[key] : undefined;
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function textOf(interactive: Json): string {
  return String(objectAt(interactive, 'body').text ?? '');
}

/** A readable line for what the bot sent, on either API (the sandbox names the kind of both). */
function describe(sent: SandboxSentMessage): string {
  const { body, kind } = sent;
  const interactive = objectAt(body, 'interactive');
  const action = objectAt(interactive, 'action');
  switch (kind) {
    case 'template':
      return `template ${String(body.templateName ?? body.template_name)}`;
    case 'text':
      return String(objectAt(body, 'text').body);
    case 'reply_buttons': {
      const buttons = (action.buttons as Array<{ reply: { title: string } }> | undefined) ?? [];
      return `${textOf(interactive)} ${buttons.map((button) => `[${button.reply.title}]`).join(' ')}`.trim();
    }
    case 'list': {
      const sections = (action.sections as Array<{ rows: Array<{ title: string }> }> | undefined) ?? [];
      const rows = sections.flatMap((section) => section.rows.map((row) => `(${row.title})`));
      return `${textOf(interactive)} [${String(action.button)}] ${rows.join(' ')}`.trim();
    }
    case 'cta_url': {
      const parameters = objectAt(action, 'parameters');
      return `${textOf(interactive)} [${String(parameters.display_text)} → ${String(parameters.url)}]`;
    }
    case 'location_request':
      return `${textOf(interactive)} [Send location]`;
    case 'address_request':
      return `${textOf(interactive)} [Address form ${String(objectAt(action, 'parameters').country)}]`;
    case 'reaction': {
      const reaction = objectAt(body, 'reaction');
      return `reaction ${String(reaction.emoji) || '(removed)'} to ${String(reaction.message_id)}`;
    }
    case 'contacts': {
      const cards = (body.contacts as Array<{ name?: { formatted_name?: string } }> | undefined) ?? [];
      return `contacts ${cards.map((card) => card.name?.formatted_name ?? '?').join(', ')}`;
    }
    case 'location': {
      const location = objectAt(body, 'location');
      return `location ${String(location.latitude)},${String(location.longitude)}`;
    }
    default: {
      const media = objectAt(body, kind);
      const caption = media.caption === undefined ? '' : ` ${String(media.caption)}`;
      return `${kind} ${String(media.link ?? media.id)}${caption}`;
    }
  }
}

/**
 * A customer of a {@link ZixflowBotTestbed}. Each step sends one webhook, as Zixflow would, and
 * resolves with what the bot answered once every turn has finished. Steps may run concurrently
 * (`Promise.all`) to prove a bot's ordering; the transcript is in the order things happened.
 */
export class ZixflowBotTestChat {
  /** Everything said, `customer: …` and `bot: …`, in order. */
  readonly transcript: string[] = [];
  private recorded = 0;

  /**
   * @param testbed - the testbed it talks to.
   * @param number - the customer's number as people type it.
   * @param name - the WhatsApp profile name.
   */
  constructor(
    private readonly testbed: ZixflowBotTestbed,
    readonly number: string,
    readonly name: string,
  ) {}

  /** Writes a text message. */
  say(text: string): Promise<ZixflowBotTestReply[]> {
    return this.send({ type: 'text', text: { body: text } }, text);
  }

  /** Taps a reply button by its id (its title, when given, as WhatsApp sends it). */
  tap(id: string, title?: string): Promise<ZixflowBotTestReply[]> {
    return this.send(
      { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: title ?? id } } },
      `[${title ?? id}]`,
    );
  }

  /** Picks a list row by its id. */
  pick(id: string, title?: string): Promise<ZixflowBotTestReply[]> {
    return this.send(
      { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: title ?? id } } },
      `(${title ?? id})`,
    );
  }

  /** Sends any `message` object (an image, a location, …). */
  async send(message: Record<string, unknown>, label = String(message.type)): Promise<ZixflowBotTestReply[]> {
    const before = this.sentToMe().length;
    this.transcript.push(`customer: ${label}`);
    // The fake clock's time, so the 24-hour window and idle time-outs follow the test's clock.
    const timestamp = this.testbed.clock.now();
    const result = await this.testbed.sandbox.simulateIncoming({
      from: this.number,
      name: this.name,
      message,
      timestamp,
    });
    if (result.status !== 200) {
      throw new Error(`the app answered the webhook with ${result.status}`);
    }
    await this.testbed.settle();
    return this.repliesSince(before);
  }

  /** Every message the bot has sent this customer. */
  get replies(): ZixflowBotTestReply[] {
    return this.sentToMe().map((sent) => ({ text: describe(sent), body: sent.body }));
  }

  /** Moves the testbed's clock and returns what the bot sent this customer meanwhile. */
  async wait(ms: number): Promise<ZixflowBotTestReply[]> {
    const before = this.sentToMe().length;
    await this.testbed.advance(ms);
    return this.repliesSince(before);
  }

  private repliesSince(before: number): ZixflowBotTestReply[] {
    const all = this.replies;
    // Replies of concurrent steps are each recorded once, by whichever step sees them first.
    for (const reply of all.slice(this.recorded)) this.transcript.push(`bot: ${reply.text}`);
    this.recorded = all.length;
    return all.slice(before);
  }

  private sentToMe(): SandboxSentMessage[] {
    const digits = this.number.replace(/\D/g, '');
    return this.testbed.sandbox.messages.filter((message) => message.to === digits);
  }
}
