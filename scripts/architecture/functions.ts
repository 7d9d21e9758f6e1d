// The length of every function in src/ (declarations, methods, arrow
// functions and function expressions of 10 lines or more), read with the
// TypeScript parser: for `npm run layers -- --functions` and for the test that
// holds functions to ~80 lines unless a reason is written beside them.

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

export interface FunctionSize {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** The reason written beside it: a comment line "long: …" in the function or just above it. */
  reason: string | null;
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return `${parent.name.getText()}`;
  if (ts.isMethodDeclaration(node)) return node.name.getText();
  return '(anonymous)';
}

/** Every function of 10+ lines in the given files (paths relative to root in the result). */
export function functionSizes(root: string, paths: string[]): FunctionSize[] {
  const out: FunctionSize[] = [];
  for (const path of paths) {
    if (!path.endsWith('.ts')) continue;
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node) ||
        ts.isConstructorDeclaration(node)
      ) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const n = end - start + 1;
        if (n >= 10) {
          // a reason: "// long: …" on the lines just above (doc comment included) or inside
          let reason: string | null = null;
          for (let k = Math.max(0, start - 12); k <= end && reason === null; k++) {
            const m = /\/\/\s*long:\s*(.+)|\*\s*long:\s*(.+)/.exec(lines[k]);
            if (m) reason = (m[1] ?? m[2]).trim();
          }
          out.push({ file: relative(root, path).split('\\').join('/'), name: nameOf(node), line: start + 1, lines: n, reason });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out.sort((a, b) => b.lines - a.lines);
}
