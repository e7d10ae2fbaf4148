import type { SandboxSentMessage } from '../zixflow-sandbox.types';
import type { ZixflowBotTestbed } from './zixflow-bot-testbed';

/** One bot reply as the customer would see it, and the body that left the app. */
export interface ZixflowBotTestReply {
  /** A readable line: the text, a button list `[Track order] [Talk to us]`, a media link, a template name. */
  text: string;
  /** The JSON body the app sent to Zixflow. */
  body: Record<string, unknown>;
}

function describe(body: Record<string, unknown>): string {
  const type = body.type as string | undefined;
  const content = (type === undefined ? undefined : body[type]) as Record<string, unknown> | undefined;
  if (type === undefined) return `template ${String(body.templateName)}`;
  if (type === 'text') return String((content as { body: string }).body);
  if (type === 'interactive') {
    const interactive = content as {
      body?: { text?: string };
      action?: { buttons?: Array<{ reply: { title: string } }> };
    };
    const buttons = (interactive.action?.buttons ?? []).map((button) => `[${button.reply.title}]`).join(' ');
    return `${interactive.body?.text ?? ''} ${buttons}`.trim();
  }
  if (type === 'location') return `location ${String(content?.latitude)},${String(content?.longitude)}`;
  const caption = content?.caption === undefined ? '' : ` ${String(content.caption)}`;
  return `${type} ${String(content?.link)}${caption}`;
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
    return this.sentToMe().map((sent) => ({ text: describe(sent.body), body: sent.body }));
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
    return this.testbed.sandbox.messages.filter((message) => String(message.body.to).replace(/\D/g, '') === digits);
  }
}
