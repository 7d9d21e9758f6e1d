// The import graph of src/, read with the TypeScript compiler's own parser
// (no bundler, no resolution of packages): every `import … from`, `export …
// from` and `import()` whose specifier is relative becomes an edge between two
// files of src/. Svelte components are read through their <script> blocks.
// A hand-written reader because the two tools that do this (madge,
// dependency-cruiser) would add a second TypeScript front end and their own
// resolution rules; this one is ~100 lines and uses the compiler we already
// ship with, so `import type` is seen exactly as tsc sees it.

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import ts from 'typescript';

export interface Edge {
  from: string;
  to: string;
  /** Every name this edge carries is a type (`import type`, `export type`, `{ type X }`). */
  typeOnly: boolean;
  line: number;
}

export interface Graph {
  /** Files, relative to the repository root with forward slashes (`src/core/types/index.ts`). */
  files: string[];
  edges: Edge[];
}

const SOURCE = /\.(ts|svelte)$/;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
}

/** The TypeScript inside a file: a .ts file whole, a .svelte file's <script> blocks, line numbers kept. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  // Blank out everything but the <script> bodies so line numbers still match the file.
  const keep = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index! + m[0].indexOf('>') + 1;
    for (let i = start; i < start + m[1].length; i++) keep[i] = true;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) out += keep[i] || text[i] === '\n' ? text[i] : ' ';
  return out;
}

/** Resolve a relative specifier the way Vite and tsc (moduleResolution bundler) do for our files. */
function resolveSpecifier(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return false;
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** Read the import graph of every .ts and .svelte file under `root/src`. */
export function readGraph(root: string): Graph {
  const paths: string[] = [];
  walk(join(root, 'src'), paths);
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const edges: Edge[] = [];
  for (const path of paths) {
    const text = scriptOf(path, readFileSync(path, 'utf8'));
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const add = (spec: string, typeOnly: boolean, node: ts.Node) => {
      if (!spec.startsWith('.')) return;
      const target = resolveSpecifier(path, spec);
      if (!target) return; // tsc reports a missing module; not this check's job
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      edges.push({ from: rel(path), to: rel(target), typeOnly, line });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, isTypeOnlyImport(node), node);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, isTypeOnlyExport(node), node);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length === 1 &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        add(node.arguments[0].text, false, node);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const files = paths.map(rel).sort();
  const known = new Set(files);
  // Declaration files and assets (.d.ts, .css, .json) are not modules of the graph.
  return { files, edges: edges.filter((e) => known.has(e.to)) };
}

/**
 * The import cycles: strongly connected components of more than one file (or a
 * file importing itself), each with one concrete loop through it for the message.
 * Type-only edges count: a type that points up is a layer that points up.
 */
export function findCycles(graph: Graph): string[][] {
  const next = new Map<string, string[]>();
  for (const f of graph.files) next.set(f, []);
  for (const e of graph.edges) next.get(e.from)?.push(e.to);
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of graph.files) {
    if (idx.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = next.get(top.node)!;
      if (top.i < succ.length) {
        const w = succ[top.i++];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        const selfLoop = comp.length === 1 && succ.includes(comp[0]);
        if (comp.length > 1 || selfLoop) components.push(comp.sort());
      }
    }
  }
  return components;
}

/** One loop inside a strongly connected component, for a readable message (a → b → … → a). */
export function loopIn(graph: Graph, component: string[]): string[] {
  const inside = new Set(component);
  const start = component[0];
  // Breadth-first from start back to start, staying inside the component.
  const prev = new Map<string, string>();
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length) {
    const node = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from !== node || !inside.has(e.to)) continue;
      if (e.to === start) {
        const path = [start];
        for (let n = node; n !== start; n = prev.get(n)!) path.splice(1, 0, n);
        return [...path, start];
      }
      if (!seen.has(e.to)) {
        seen.add(e.to);
        prev.set(e.to, node);
        queue.push(e.to);
      }
    }
  }
  return component;
}
