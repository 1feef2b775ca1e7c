/**
 * Build-time Griffel for the tab's own styles, and Fluent design tokens inlined as strings.
 *
 * Fluent's packages ship their styles precompiled (`__styles`), but the tab's `makeStyles` and
 * `makeResetStyles` calls resolve at runtime, which pulls Griffel's CSS compiler (stylis,
 * rtl-css-js) into the first load. Here each call's argument is evaluated in Node and the call
 * replaced with `__styles` / `__resetStyles` and the resolved class maps and CSS: the same
 * output Griffel's own AOT tools produce. A call that cannot be evaluated (it uses something
 * other than Fluent imports and module constants) is left as it is, with a warning.
 *
 * `tokens.colorNeutralForeground1` is always `'var(--colorNeutralForeground1)'`, so member
 * reads of `tokens` are replaced with the string, which lets the bundler drop the token map.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const FLUENT = '@fluentui/react-components';
const STYLE_CALLS: Record<string, 'styles' | 'reset'> = {
  makeStyles: 'styles',
  makeResetStyles: 'reset',
};
const STYLE_SOURCES = new Set([FLUENT, '@griffel/react']);
const TOKEN_SOURCES = new Set([FLUENT, '@fluentui/react-theme', '@fluentui/tokens']);
const SAFE_GLOBALS = new Set(['undefined', 'Math', 'Number', 'String', 'JSON', 'Object', 'Array']);

interface Griffel {
  resolveStyleRulesForSlots(styles: unknown, salt: string): [unknown, unknown];
  resolveResetStyleRules(styles: unknown, salt: string): [string, string | null, unknown];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** Visits every node with its parent and the key it sits under. */
function walk(node: Node, visit: (node: Node, parent: Node | null, key: string) => void): void {
  const step = (current: Node, parent: Node | null, key: string) => {
    visit(current, parent, key);
    for (const [childKey, value] of Object.entries(current)) {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) step(item, current, childKey);
      } else if (isNode(value)) step(value, current, childKey);
    }
  };
  step(node, null, '');
}

/** True when an identifier is a read of a variable (not a property name or an object key). */
function isReference(node: Node, parent: Node | null, key: string): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression' && key === 'property' && !parent.computed) return false;
  // A shorthand `{ a }` is visited again as the property's value.
  if (
    (parent.type === 'Property' || parent.type === 'MethodDefinition') &&
    key === 'key' &&
    !parent.computed
  ) {
    return false;
  }
  if (parent.type.startsWith('Import') || parent.type.startsWith('Export')) return false;
  return node.type === 'Identifier';
}

/** The variables a piece of code reads (including its own locals and parameters). */
function referencedNames(node: Node | undefined): string[] {
  const names = new Set<string>();
  if (node) {
    walk(node, (child, parent, key) => {
      if (child.type === 'Identifier' && isReference(child, parent, key)) {
        names.add(child.name as string);
      }
    });
  }
  return [...names];
}

function importsFrom(program: Node, sources: Set<string>): Map<string, string> {
  const locals = new Map<string, string>();
  for (const statement of program.body as Node[]) {
    if (statement.type !== 'ImportDeclaration') continue;
    const source = (statement.source as Node).value as string;
    if (!sources.has(source)) continue;
    for (const specifier of statement.specifiers as Node[]) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported as Node;
      const name = (imported.name ?? imported.value) as string;
      locals.set((specifier.local as Node).name as string, name);
    }
  }
  return locals;
}

function declaredNames(program: Node): { names: string[]; init: Node | null; node: Node }[] {
  const out: { names: string[]; init: Node | null; node: Node }[] = [];
  for (const raw of program.body as Node[]) {
    const statement =
      raw.type === 'ExportNamedDeclaration' && isNode(raw.declaration) ? raw.declaration : raw;
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations as Node[]) {
        const id = declarator.id as Node;
        out.push({
          names: id.type === 'Identifier' ? [id.name as string] : [],
          init: isNode(declarator.init) ? declarator.init : null,
          node: declarator,
        });
      }
    } else if (statement.type === 'FunctionDeclaration' && isNode(statement.id)) {
      out.push({ names: [statement.id.name as string], init: null, node: statement });
    }
  }
  return out;
}

function contains(outer: Node, inner: Node): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function applyEdits(code: string, edits: Edit[]): string {
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

export function griffelAot(options: { include: (id: string) => boolean }): Plugin {
  let fluent: Record<string, unknown> | undefined;
  let griffel: Griffel | undefined;
  const load = async () => {
    fluent ??= (await import(FLUENT)) as Record<string, unknown>;
    if (!griffel) {
      // The same @griffel/core that the runtime @griffel/react uses, so class names match.
      const fromReact = createRequire(createRequire(import.meta.url).resolve('@griffel/react'));
      griffel = fromReact('@griffel/core') as Griffel;
    }
    return { fluent, griffel };
  };

  return {
    name: 'critical-friend:griffel-aot',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      const ownCode = options.include(file);
      const fluentCode = file.includes('/node_modules/@fluentui/');
      if (!ownCode && !fluentCode) return null;
      const hasStyles = ownCode && /\bmake(Reset)?Styles\b/.test(code);
      if (!hasStyles && !/\btokens\b/.test(code)) return null;

      const { fluent: ns, griffel: compiler } = await load();
      const program = this.parse(code) as unknown as Node;
      const edits: Edit[] = [];
      const styleCalls: { node: Node; kind: 'styles' | 'reset' }[] = [];

      if (hasStyles) {
        const callees = importsFrom(program, STYLE_SOURCES);
        walk(program, (node) => {
          if (node.type !== 'CallExpression') return;
          const callee = node.callee as Node;
          const imported = callee.type === 'Identifier' ? callees.get(callee.name as string) : '';
          const kind = imported ? STYLE_CALLS[imported] : undefined;
          const args = node.arguments as Node[];
          if (kind && args.length === 1) styleCalls.push({ node, kind });
        });
      }

      if (styleCalls.length > 0) {
        const bound = importsFrom(program, new Set([FLUENT]));
        const bindings: Record<string, unknown> = {};
        for (const [local, imported] of bound) bindings[local] = ns[imported];
        // Only the module constants and functions the styles read (directly or through each
        // other) are evaluated, so nothing else in the module runs at build time.
        const declarations = declaredNames(program).filter(
          (d) => !styleCalls.some((call) => contains(d.node, call.node)),
        );
        const byName = new Map(declarations.flatMap((d) => d.names.map((n) => [n, d] as const)));
        const needed = new Set<string>();
        const queue = styleCalls.flatMap((call) =>
          referencedNames((call.node.arguments as Node[])[0]),
        );
        while (queue.length > 0) {
          const name = queue.pop() as string;
          const declaration = byName.get(name);
          if (needed.has(name) || !declaration) continue;
          needed.add(name);
          queue.push(...referencedNames(declaration.init ?? declaration.node));
        }
        const used = declarations.filter((d) => d.names.some((n) => needed.has(n)));
        const body = [
          ...used
            .filter((d) => d.node.type === 'FunctionDeclaration')
            .map((d) => code.slice(d.node.start, d.node.end)),
          ...used
            .filter((d) => d.node.type !== 'FunctionDeclaration' && d.names.length === 1 && d.init)
            .map((d) => {
              const name = d.names[0] ?? '';
              const init = d.init ? code.slice(d.init.start, d.init.end) : 'undefined';
              return `try { var ${name} = (${init}); __ok.add(${JSON.stringify(name)}); } catch {}`;
            }),
          `return [${styleCalls
            .map((call) => {
              const arg = (call.node.arguments as Node[])[0] as Node;
              return `() => (${code.slice(arg.start, arg.end)})`;
            })
            .join(', ')}];`,
        ].join('\n');
        const ok = new Set<string>(
          used.filter((d) => d.node.type === 'FunctionDeclaration').flatMap((d) => d.names),
        );
        let thunks: (() => unknown)[] = [];
        try {
          const run = new Function('__ok', ...Object.keys(bindings), body) as (
            ...args: unknown[]
          ) => (() => unknown)[];
          thunks = run(ok, ...Object.values(bindings));
        } catch (error) {
          this.warn(`styles in ${file} stay runtime: ${String(error)}`);
        }

        styleCalls.forEach((call, index) => {
          const arg = (call.node.arguments as Node[])[0] as Node;
          // Everything the styles read must be a Fluent import or a module constant that evaluated.
          const unknownNames = referencedNames(arg).filter(
            (name) => !(name in bindings) && !ok.has(name) && !SAFE_GLOBALS.has(name),
          );
          const thunk = thunks[index];
          if (unknownNames.length > 0 || !thunk) {
            this.warn(
              `styles at ${file}:${call.node.start} stay runtime (reads ${unknownNames.join(', ') || 'nothing evaluable'})`,
            );
            return;
          }
          try {
            const styles = thunk();
            const text =
              call.kind === 'styles'
                ? `/*#__PURE__*/__cfStyles(${compiler
                    .resolveStyleRulesForSlots(styles, '')
                    .map((part) => JSON.stringify(part))
                    .join(', ')})`
                : `/*#__PURE__*/__cfResetStyles(${compiler
                    .resolveResetStyleRules(styles, '')
                    .map((part) => JSON.stringify(part))
                    .join(', ')})`;
            edits.push({ start: call.node.start, end: call.node.end, text });
          } catch (error) {
            this.warn(`styles at ${file}:${call.node.start} stay runtime: ${String(error)}`);
          }
        });
        if (edits.length > 0) {
          edits.push({
            start: 0,
            end: 0,
            text: `import { __styles as __cfStyles, __resetStyles as __cfResetStyles } from '${FLUENT}';\n`,
          });
        }
      }

      edits.push(...inlineTokens(program, ns, edits));
      if (edits.length === 0) return null;
      // The edits are few and local; these modules go without a source map (production has none).
      return { code: applyEdits(code, edits), map: { mappings: '' } };
    },
  };
}

/** `tokens.x` reads outside the replaced style calls become string literals, if all reads are plain. */
function inlineTokens(program: Node, ns: Record<string, unknown>, done: Edit[]): Edit[] {
  const tokens = ns.tokens as Record<string, unknown>;
  const locals = [...importsFrom(program, TOKEN_SOURCES)]
    .filter(([, imported]) => imported === 'tokens')
    .map(([local]) => local);
  const edits: Edit[] = [];
  for (const local of locals) {
    const mine: Edit[] = [];
    let plain = true;
    walk(program, (node, parent, key) => {
      if (!plain || node.type !== 'Identifier' || node.name !== local) return;
      if (done.some((edit) => node.start >= edit.start && node.end <= edit.end)) return;
      if (parent?.type === 'ImportSpecifier') return;
      if (!isReference(node, parent, key)) return;
      const value =
        parent?.type === 'MemberExpression' && key === 'object' && !parent.computed
          ? tokens[(parent.property as Node).name as string]
          : undefined;
      if (!parent || typeof value !== 'string') {
        plain = false;
        return;
      }
      mine.push({ start: parent.start, end: parent.end, text: JSON.stringify(value) });
    });
    if (plain) edits.push(...mine);
  }
  return edits;
}
