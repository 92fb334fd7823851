import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventFileShape } from './eventFileShape.js';
import { checkShape, ID_PATTERN, type ObjectShape, type Shape } from './shape.js';

/**
 * docs/event-file.schema.json is written by hand for organisers' editors and other tools; the
 * importer checks files with eventFileShape. These tests fail as soon as the two disagree.
 */
const SCHEMA_FILE = new URL('../../../docs/event-file.schema.json', import.meta.url);
const FIXTURES = new URL('../../../test/fixtures/event-files/', import.meta.url);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Schema;

describe('docs/event-file.schema.json', () => {
  it('is a JSON Schema draft 2020-12 document', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('says exactly what the importer checks: same fields, required fields, types and limits', () => {
    expect(withoutAnnotations(schema)).toEqual(schemaOf(eventFileShape));
  });

  it('accepts and refuses the same fixtures as the importer’s shape check', () => {
    const files = ['good', 'bad'].flatMap((dir) =>
      fs
        .readdirSync(new URL(`${dir}/`, FIXTURES))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${dir}/${f}`),
    );
    let checked = 0;
    for (const name of files) {
      let json: Json;
      try {
        json = JSON.parse(fs.readFileSync(new URL(name, FIXTURES), 'utf8')) as Json;
      } catch {
        continue; // not JSON at all: neither side gets as far as the shape
      }
      const problems: string[] = [];
      checkShape(json, eventFileShape, '', problems);
      expect({ name, schemaValid: validates(schema, json) }).toEqual({
        name,
        schemaValid: problems.length === 0,
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

/** The JSON Schema that says what `shape` says, objects named under `$defs`. */
function schemaOf(root: ObjectShape): Schema {
  const defs: Record<string, Schema> = {};
  const objectSchema = (shape: ObjectShape): Schema => ({
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(shape.properties).map(([key, s]) => [key, convert(s)]),
    ),
    ...(shape.required.length > 0 ? { required: [...shape.required] } : {}),
    additionalProperties: false,
  });
  const convert = (shape: Shape): Schema => {
    switch (shape.type) {
      case 'string':
        return {
          type: 'string',
          ...(shape.enum ? { enum: [...shape.enum] } : {}),
          ...(shape.id ? { pattern: ID_PATTERN } : {}),
        };
      case 'number': {
        const limits = {
          minimum: shape.minimum,
          exclusiveMinimum: shape.exclusiveMinimum,
          maximum: shape.maximum,
        };
        return {
          type: shape.integer ? 'integer' : 'number',
          ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
        };
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'const':
        return { const: shape.value };
      case 'array':
        return { type: 'array', items: convert(shape.items) };
      case 'map':
        return {
          type: 'object',
          propertyNames: { pattern: ID_PATTERN },
          additionalProperties: convert(shape.values),
        };
      case 'object':
        defs[shape.name] ??= objectSchema(shape);
        return { $ref: `#/$defs/${shape.name}` };
      case 'tagged':
        return { oneOf: Object.values(shape.variants).map(convert) };
    }
  };
  return { ...objectSchema(root), $defs: defs };
}

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'examples',
  '$comment',
  'default',
]);

/** A schema without the words meant for people, walking only schema positions (a field may be called "description"). */
function withoutAnnotations(node: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if ((key === 'properties' || key === '$defs') && isObject(value))
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, withoutAnnotations(v as Schema)]),
      );
    else if (['items', 'additionalProperties', 'propertyNames'].includes(key) && isObject(value))
      out[key] = withoutAnnotations(value);
    else if (key === 'oneOf' && Array.isArray(value))
      out[key] = value.map((v) => withoutAnnotations(v as Schema));
    else out[key] = value;
  }
  return out;
}

/**
 * Whether `value` is valid against `node`: the subset of JSON Schema 2020-12 the event file
 * schema uses. Any other keyword fails the test, so the subset cannot silently grow.
 */
function validates(node: Schema, value: Json, root: Schema = node): boolean {
  for (const [key, rule] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key === '$defs' || key === 'required') continue;
    if (!keywordHolds(key, rule, node, value, root)) return false;
  }
  return true;
}

function keywordHolds(key: string, rule: Json, node: Schema, value: Json, root: Schema): boolean {
  switch (key) {
    case '$ref': {
      const name = String(rule).replace('#/$defs/', '');
      return validates((root.$defs as Record<string, Schema>)[name]!, value, root);
    }
    case 'type':
      return rule === 'integer'
        ? Number.isInteger(value)
        : rule === 'array'
          ? Array.isArray(value)
          : rule === 'object'
            ? isObject(value)
            : rule === 'null'
              ? value === null
              : typeof value === rule;
    case 'const':
      return value === rule;
    case 'enum':
      return (rule as Json[]).includes(value);
    case 'pattern':
      return typeof value !== 'string' || new RegExp(String(rule), 'u').test(value);
    case 'minimum':
      return typeof value !== 'number' || value >= Number(rule);
    case 'exclusiveMinimum':
      return typeof value !== 'number' || value > Number(rule);
    case 'maximum':
      return typeof value !== 'number' || value <= Number(rule);
    case 'items':
      return !Array.isArray(value) || value.every((v) => validates(rule as Schema, v, root));
    case 'oneOf':
      return (rule as Schema[]).filter((s) => validates(s, value, root)).length === 1;
    case 'properties':
    case 'additionalProperties':
    case 'propertyNames': {
      if (!isObject(value)) return true;
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      const required = (node.required ?? []) as string[];
      if (key === 'properties' && !required.every((r) => Object.hasOwn(value, r))) return false;
      return Object.entries(value).every(([k, v]) => {
        if (key === 'propertyNames') return validates(rule as Schema, k, root);
        if (key === 'properties')
          return !Object.hasOwn(properties, k) || validates(properties[k]!, v, root);
        if (Object.hasOwn(properties, k)) return true;
        return rule === false ? false : rule === true || validates(rule as Schema, v, root);
      });
    }
    default:
      throw new Error(`the schema uses "${key}", which this test does not check`);
  }
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
