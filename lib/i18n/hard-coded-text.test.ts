import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Every word a person reads comes from the catalogues (lib/i18n/messages), so it exists in Danish,
 * Norwegian and English. This reads every component in app/ the way TypeScript does and reports
 * text written straight into JSX, and string literals given to the attributes people hear or see
 * (aria-label, title, placeholder, alt …). Symbols (←, ·) and addresses ("/verify") are not words.
 */
const SPOKEN_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder", "title", "placeholder", "alt", "label"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith(".tsx") && !p.endsWith(".test.tsx") ? [p] : [];
  });
}

/** Letters that make a word, once entities (&nbsp;) and addresses are set aside. */
function hasWords(text: string): boolean {
  const plain = text.replace(/&[a-z]+;|&#\d+;/gi, " ").trim();
  if (/^(\/|https?:\/\/)\S*$/.test(plain)) return false;
  return /\p{L}{2,}/u.test(plain);
}

function hardCodedText(file: string, code = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.getText())) found.push(`${at(node)} text ${JSON.stringify(node.getText().trim())}`);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) ? init.expression : undefined;
      if (literal && (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal) || ts.isTemplateExpression(literal)) && hasWords(literal.getText().replace(/\$\{[^}]*\}/g, "")))
        found.push(`${at(node)} ${node.name.getText()}=${literal.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-visible text", () => {
  it("is never hard-coded in app/ components: it comes from the catalogues", () => {
    expect(files(path.join(process.cwd(), "app")).flatMap((f) => hardCodedText(f))).toEqual([]);
  });

  it("is found when it is hard-coded, while symbols and addresses are not words (the check itself)", () => {
    const probe = `const a = <p title="Luk vinduet">Gem<span aria-hidden="true">←&nbsp;</span><a href="/x" aria-label={\`Gå til \${name}\`}>/verify</a></p>;`;
    expect(hardCodedText(path.join(process.cwd(), "probe.tsx"), probe)).toEqual([
      'probe.tsx:1 title="Luk vinduet"',
      'probe.tsx:1 text "Gem"',
      "probe.tsx:1 aria-label=`Gå til ${name}`",
    ]);
  });
});
