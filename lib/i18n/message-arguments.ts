/**
 * The arguments a catalogue message takes, read the way next-intl (ICU MessageFormat) reads it:
 * `{name}`, `{n, number}`, `{count, plural, one {…} other {…}}`, `{kind, select, a {…} other {…}}`,
 * nested. Used by the catalogue check so that a translation can never ask for a value the code
 * does not pass, or drop one it does. Plural categories differ between languages, so only select
 * options (which the code chooses) are compared, not plural ones. Throws on unbalanced braces.
 *
 * Written here rather than importing the ICU parser next-intl carries, which is not our dependency
 * and may move; this reads only what our catalogues use (no rich-text tags).
 */
export type MessageArgument = { name: string; type: string; options?: string[] };

export function messageArguments(message: string): MessageArgument[] {
  const found = new Map<string, MessageArgument>();
  const end = readMessage(message, 0, found, false);
  if (end !== message.length) throw new Error(`unexpected "}" at ${end} in ${JSON.stringify(message)}`);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads plain text and arguments up to an unmatched "}" (inside an option) or the end. */
function readMessage(s: string, i: number, found: Map<string, MessageArgument>, nested: boolean): number {
  while (i < s.length) {
    const c = s[i];
    if (c === "'" && (s[i + 1] === "{" || s[i + 1] === "}" || s[i + 1] === "'")) {
      // ICU quoting: '' is an apostrophe, '{…' is literal text up to the next apostrophe.
      if (s[i + 1] === "'") i += 2;
      else {
        const close = s.indexOf("'", i + 1);
        i = close === -1 ? s.length : close + 1;
      }
    } else if (c === "{") i = readArgument(s, i + 1, found);
    else if (c === "}") {
      if (!nested) return i;
      return i;
    } else i += 1;
  }
  if (nested) throw new Error(`missing "}" in ${JSON.stringify(s)}`);
  return i;
}

function readArgument(s: string, i: number, found: Map<string, MessageArgument>): number {
  const close = (j: number) => {
    if (s[j] !== "}") throw new Error(`missing "}" at ${j} in ${JSON.stringify(s)}`);
    return j + 1;
  };
  const head = /^\s*([\p{L}\p{N}_]+)\s*(?:,\s*(\w+)\s*)?/u.exec(s.slice(i));
  if (!head) throw new Error(`an argument without a name at ${i} in ${JSON.stringify(s)}`);
  const name = head[1]!;
  const type = head[2] ?? "text";
  i += head[0].length;
  if (type === "plural" || type === "select" || type === "selectordinal") {
    if (s[i] !== ",") throw new Error(`${type} without options in ${JSON.stringify(s)}`);
    i += 1;
    const options: string[] = [];
    for (;;) {
      const opt = /^\s*(offset:\s*\d+\s+)?(=?[\p{L}\p{N}_-]+)\s*\{/u.exec(s.slice(i));
      if (!opt) break;
      options.push(opt[2]!);
      i = readMessage(s, i + opt[0].length, found, true);
      i = close(i);
    }
    if (options.length === 0 || !options.includes("other")) throw new Error(`${type} without an "other" option in ${JSON.stringify(s)}`);
    while (s[i] === " ") i += 1;
    found.set(name, { name, type, ...(type === "select" ? { options: options.sort() } : {}) });
    return close(i);
  }
  if (s[i] === ",") {
    // number/date/time with a style: skip to the closing brace.
    const j = s.indexOf("}", i);
    if (j === -1) throw new Error(`missing "}" in ${JSON.stringify(s)}`);
    i = j;
  }
  found.set(name, { name, type });
  return close(i);
}
