import { ZixflowTemplateVariable } from './zixflow-template-variable.interface';

interface CacheEntry {
  variables: ZixflowTemplateVariable[];
  expiresAt: number;
}

/**
 * Remembers template variables per (phoneId, template, language) for a while, so a broadcast that
 * checks every message asks Zixflow once. Bounded: past `maxEntries` the oldest entry is dropped.
 */
export class TemplateVariablesCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached variables, or undefined when absent or expired. */
  get(key: string): ZixflowTemplateVariable[] | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.variables;
  }

  /** Stores the variables for `ttlMs`. */
  set(key: string, variables: ZixflowTemplateVariable[]): void {
    this.entries.delete(key);
    this.entries.set(key, { variables, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** The cache key of one template on one sending number. */
  static keyOf(phoneId: string, templateName: string, language: string): string {
    return JSON.stringify([phoneId, templateName, language]);
  }
}
