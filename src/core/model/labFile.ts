import * as z from 'zod/mini';
import { problem, type Problem } from '../i18n/problems';
import { FIELD_JSON, topologySchema } from './schema';
import type { Topology } from './topology';
import { validateTopology } from './validate';

/*
 * The lab file: a topology as versioned JSON, the format "Export" writes and "Import" reads (and
 * `trace --topology` too). `version` names the format. A file of an older version is migrated step
 * by step to the current one; a newer one is refused with a clear message, never half-read. The
 * schema is published as JSON Schema (public/topology.schema.json, generated from the zod schema
 * so that the two never disagree; a test checks it).
 */

/** The format version this build writes and reads natively. */
export const LAB_FORMAT_VERSION = 1;

/** Turns a file of version `n` into one of version `n + 1` (plain JSON in, plain JSON out). */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they start from. None yet: version 1 is the first format. */
export const MIGRATIONS: ReadonlyMap<number, Migration> = new Map();

/** A file read: the lab (and the version it was migrated from, if any), or why not. */
export type LabFileResult =
  | { ok: true; topology: Topology; migratedFrom?: number }
  | { ok: false; problems: Problem[] };

/**
 * Where JSON.parse stopped, from V8's message ("… at position 17", "Unexpected end of JSON input"),
 * as a line and column counted from 1 (0, 0 when the message gives no position), and the character
 * it refused when it names one.
 */
export function jsonFault(text: string, message: string): { line: number; column: number; token: string } {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position !== undefined ? Number(position) : /end of JSON input/.test(message) ? text.length : null;
  const token = /^Unexpected token '(.)'/.exec(message)?.[1] ?? '';
  if (offset === null) return { line: 0, column: 0, token };
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] as string).length + 1, token: '' };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a lab file's text: JSON, a known version (migrated when older), then the full validation.
 * Never throws. Problems: `file-not-json` (with line and column), `file-version` (missing or not a
 * whole number), `file-version-future`, or the topology's own problems with their paths.
 * `current` and `migrations` are for tests of the migration path.
 */
export function readLabFile(text: string, current = LAB_FORMAT_VERSION, migrations: ReadonlyMap<number, Migration> = MIGRATIONS): LabFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const f = jsonFault(text, (e as Error).message);
    return { ok: false, problems: [problem('', 'file-not-json', f)] };
  }
  if (!isRecord(data)) return { ok: false, problems: validateTopology(data) };
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [problem('version', 'file-version', { got: JSON.stringify(version) ?? 'undefined', supported: current })] };
  }
  if (version > current) return { ok: false, problems: [problem('version', 'file-version-future', { version, supported: current })] };
  let migrated = data;
  for (let v = version; v < current; v++) {
    const step = migrations.get(v);
    if (!step) return { ok: false, problems: [problem('version', 'file-version', { got: String(version), supported: current })] };
    migrated = { ...step(migrated), version: v + 1 };
  }
  const problems = validateTopology(migrated);
  if (problems.length > 0) return { ok: false, problems };
  const topology = migrated as unknown as Topology;
  return version < current ? { ok: true, topology, migratedFrom: version } : { ok: true, topology };
}

/** The lab as the text of a file of the current version: JSON, two-space indent, a final newline. */
export function writeLabFile(topology: Topology): string {
  return `${JSON.stringify(topology, null, 2)}\n`;
}

/**
 * The lab file's JSON Schema (draft 2020-12), from the same zod schema validation uses; fields
 * with checks of their own (MACs, addresses, names, ranges) are described by FIELD_JSON.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(topologySchema, {
    unrepresentable: 'any',
    override: (ctx) => {
      const json = FIELD_JSON.get(ctx.zodSchema as object);
      if (json) Object.assign(ctx.jsonSchema, json);
    },
  });
  return { ...schema, $id: 'topology.schema.json', title: 'Packet Journey lab (topology) file', description: `Format version ${LAB_FORMAT_VERSION}. Every text a user reads about a refused file names the field and the problem.` };
}
