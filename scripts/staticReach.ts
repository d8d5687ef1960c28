import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/*
 * The modules a page's entry reaches by static imports, as the bundler follows them into the chunks
 * the page loads before it draws. `import()` starts a chunk of its own, loaded on first use; a
 * type-only import is erased.
 */

/** A module's static imports that survive compilation (`import type` goes; `import { type A }` stays, as verbatimModuleSyntax keeps it). */
function staticImports(root: string, file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly && ts.isStringLiteral(st.moduleSpecifier)) out.push(st.moduleSpecifier.text);
    if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) out.push(st.moduleSpecifier.text);
  }
  return out;
}

/** A relative specifier's file, as the bundler resolves it; a package's name for a bare one. */
function resolve(root: string, from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
  // A query (`?inline`) asks the bundler for another form of the same file.
  const base = join(dirname(from), spec.split('?')[0] ?? spec);
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((f) => existsSync(join(root, f)) && !f.endsWith('/') && /\.\w+$/.test(f));
  if (!found) throw new Error(`${from}: cannot resolve ${spec}`);
  return relative(root, join(root, found));
}

/**
 * Every module (path from `root`) and package (its name) an entry reaches by static imports: what
 * the bundler puts in the chunks the page loads before it draws. `scripts/firstLoad.test.ts` guards
 * what each page may not carry with it; `vite.config.ts` keeps the shared `player` chunk to what the
 * players for other pages load at start.
 */
export function staticReach(root: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    if (!f.startsWith('src/') || !/\.tsx?$/.test(f)) continue;
    for (const spec of staticImports(root, f)) todo.push(resolve(root, f, spec));
  }
  return seen;
}
