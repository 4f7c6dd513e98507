import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The renderer is a sandboxed page: if it could import Node or the database, the security model would be a fiction.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsIn(source: string, filePath = 'renderer/src/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries enforced by lint', () => {
  it.each([
    ["import fs from 'node:fs';", 'no Node modules'],
    ["import path from 'path';", 'no Node modules'],
    ["import { ipcRenderer } from 'electron';", 'api.ts only'],
    ["import Database from 'better-sqlite3';", 'main process'],
    ["import { openDatabase } from '../../db/open';", 'main process'],
    ["import { methods } from '../../main/api/methods';", 'Only type imports'],
  ])('refuses `%s` in the renderer', async (source, reason) => {
    const problems = await problemsIn(`${source}\nexport const used = [${source.match(/import (?:\{ )?(\w+)/)![1]}];\n`);
    expect(problems.join('\n')).toContain(reason);
  });

  it('allows type-only imports of the API contract', async () => {
    expect(await problemsIn("import type { MethodName } from '../../main/api/contract';\nexport type M = MethodName;\n")).toEqual([]);
  });

  it('does not restrict the main process', async () => {
    expect(await problemsIn("import fs from 'node:fs';\nexport const f = fs;\n", 'main/probe.ts')).toEqual([]);
  });
});
