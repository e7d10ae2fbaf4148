/** A reply-id pattern compiled once: `order:{id}:cancel` matches `order:1001:cancel` with `{ id: '1001' }`. */
export interface ReplyIdPattern {
  /** Parameter values by name, or undefined when the id does not match. */
  match(id: string): Record<string, string> | undefined;
  /** Characters outside parameters: a longer literal is a more specific route. */
  literalLength: number;
  /** Whether the pattern has parameters at all. */
  parameterised: boolean;
}

const PARAMETER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a reply-id pattern. A parameter matches one or more characters other than `:`, the
 * separator people use in ids, so `order:{id}:cancel` never reads `1:2` as an id.
 */
export function compileReplyIdPattern(pattern: string): ReplyIdPattern {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const found of pattern.matchAll(PARAMETER)) {
    source += escapeRegExp(pattern.slice(last, found.index)) + '([^:]+)';
    names.push(found[1]);
    last = (found.index ?? 0) + found[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  const regex = new RegExp(`^${source}$`, 'u');
  return {
    literalLength: pattern.replace(PARAMETER, '').length,
    parameterised: names.length > 0,
    match(id: string): Record<string, string> | undefined {
      const found = regex.exec(id);
      if (found === null) return undefined;
      return Object.fromEntries(names.map((name, index) => [name, found[index + 1]]));
    },
  };
}
