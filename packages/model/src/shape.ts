/**
 * A small declarative description of a JSON document's structure, checked by hand (no schema
 * library). The event file's shape (eventFileShape.ts) is written in these terms; the JSON Schema
 * in docs/ says the same thing for editors and other tools, and a test keeps the two in step.
 */
export type Shape =
  | StringShape
  | NumberShape
  | BooleanShape
  | ConstShape
  | ArrayShape
  | ObjectShape
  | MapShape
  | TaggedShape;

export interface StringShape {
  type: 'string';
  /** The only values allowed. */
  enum?: readonly string[];
  /** Must be an id: letters, digits, `_` and `-`, 1–64 characters (ID_PATTERN). */
  id?: true;
}

export interface NumberShape {
  type: 'number';
  integer?: true;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
}

export interface BooleanShape {
  type: 'boolean';
}

export interface ConstShape {
  type: 'const';
  value: string;
}

export interface ArrayShape {
  type: 'array';
  items: Shape;
}

/** A JSON object with known fields; any other field is a problem. */
export interface ObjectShape {
  type: 'object';
  /** Its name under `$defs` in the JSON Schema. */
  name: string;
  properties: Readonly<Record<string, Shape>>;
  required: readonly string[];
}

/** A JSON object used as a dictionary: id keys, every value of one shape. */
export interface MapShape {
  type: 'map';
  values: Shape;
}

/** One of several objects, told apart by a text field (e.g. `kind`). */
export interface TaggedShape {
  type: 'tagged';
  tag: string;
  variants: Readonly<Record<string, ObjectShape>>;
}

export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const ID = new RegExp(ID_PATTERN);

/**
 * Checks `value` against `shape`, adding one problem per mistake to `problems`, each starting with
 * its path (`event.teams[3].name: must be text in quotes, got 12`). Never throws.
 */
export function checkShape(value: unknown, shape: Shape, path: string, problems: string[]): void {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string')
        return void problems.push(expected(path, 'text in quotes', value));
      if (shape.enum && !shape.enum.includes(value))
        problems.push(
          `${at(path)}: must be one of ${shape.enum.map(quote).join(', ')}, got ${describe(value)}`,
        );
      else if (shape.id && !ID.test(value))
        problems.push(
          `${at(path)}: ${describe(value)} is not a valid id (letters, digits, _ and -, 1 to 64 characters)`,
        );
      return;
    case 'number':
      if (typeof value !== 'number') return void problems.push(expected(path, 'a number', value));
      if (shape.integer && !Number.isInteger(value))
        problems.push(`${at(path)}: must be a whole number, got ${value}`);
      else if (shape.minimum !== undefined && value < shape.minimum)
        problems.push(`${at(path)}: must be at least ${shape.minimum}, got ${value}`);
      else if (shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum)
        problems.push(`${at(path)}: must be greater than ${shape.exclusiveMinimum}, got ${value}`);
      else if (shape.maximum !== undefined && value > shape.maximum)
        problems.push(`${at(path)}: must be at most ${shape.maximum}, got ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(expected(path, 'true or false', value));
      return;
    case 'const':
      if (value !== shape.value)
        problems.push(`${at(path)}: must be ${quote(shape.value)}, got ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return void problems.push(expected(path, 'a list [ … ]', value));
      value.forEach((item, i) => checkShape(item, shape.items, `${path}[${i}]`, problems));
      return;
    case 'map':
      if (!isPlainObject(value))
        return void problems.push(expected(path, 'an object { … }', value));
      for (const [key, item] of Object.entries(value)) {
        const keyPath = keyPathOf(path, key);
        if (!ID.test(key))
          problems.push(
            `${keyPath}: ${quote(key)} is not a valid id (letters, digits, _ and -, 1 to 64 characters)`,
          );
        else checkShape(item, shape.values, keyPath, problems);
      }
      return;
    case 'object':
      return checkObject(value, shape, path, problems);
    case 'tagged': {
      if (!isPlainObject(value))
        return void problems.push(expected(path, 'an object { … }', value));
      const tag = value[shape.tag];
      const kinds = Object.keys(shape.variants);
      const variant =
        typeof tag === 'string' && Object.hasOwn(shape.variants, tag)
          ? shape.variants[tag]
          : undefined;
      if (!variant) {
        const tagPath = keyPathOf(path, shape.tag);
        if (tag === undefined)
          problems.push(`${tagPath}: is required (one of ${kinds.map(quote).join(', ')})`);
        else
          problems.push(
            `${tagPath}: must be one of ${kinds.map(quote).join(', ')}, got ${describe(tag)}`,
          );
        return;
      }
      return checkObject(value, variant, path, problems);
    }
  }
}

function checkObject(value: unknown, shape: ObjectShape, path: string, problems: string[]): void {
  if (!isPlainObject(value)) return void problems.push(expected(path, 'an object { … }', value));
  const known = Object.keys(shape.properties);
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(shape.properties, key)) continue;
    const near = closest(key, known);
    problems.push(
      `${keyPathOf(path, key)}: unknown field${near ? ` (did you mean "${near}"?)` : ` (expected ${known.map(quote).join(', ')})`}`,
    );
  }
  for (const key of shape.required) {
    if (!Object.hasOwn(value, key)) problems.push(`${keyPathOf(path, key)}: is required`);
  }
  for (const [key, fieldShape] of Object.entries(shape.properties)) {
    if (Object.hasOwn(value, key))
      checkShape(value[key], fieldShape, keyPathOf(path, key), problems);
  }
}

/**
 * A copy of a checked value with object fields in the order the shape lists them and unknown
 * fields dropped, so that serialising it is stable whatever order the data was built in.
 */
export function orderByShape(value: unknown, shape: Shape): unknown {
  switch (shape.type) {
    case 'array':
      return Array.isArray(value) ? value.map((item) => orderByShape(item, shape.items)) : value;
    case 'map':
      return isPlainObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, orderByShape(v, shape.values)]),
          )
        : value;
    case 'object':
      return orderObject(value, shape);
    case 'tagged': {
      if (!isPlainObject(value)) return value;
      const tag = value[shape.tag];
      const variant =
        typeof tag === 'string' && Object.hasOwn(shape.variants, tag)
          ? shape.variants[tag]
          : undefined;
      return variant ? orderObject(value, variant) : value;
    }
    default:
      return value;
  }
}

function orderObject(value: unknown, shape: ObjectShape): unknown {
  if (!isPlainObject(value)) return value;
  const entries: [string, unknown][] = [];
  for (const [key, fieldShape] of Object.entries(shape.properties)) {
    if (Object.hasOwn(value, key) && value[key] !== undefined)
      entries.push([key, orderByShape(value[key], fieldShape)]);
  }
  // fromEntries defines own properties, so even a key like "__proto__" stays plain data.
  return Object.fromEntries(entries);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b`, or `a["b c"]` when the key is not a plain name; the root's fields have no prefix. */
function keyPathOf(path: string, key: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

const at = (path: string): string => path || 'the file';

const quote = (text: string): string => JSON.stringify(text);

function expected(path: string, what: string, value: unknown): string {
  return `${at(path)}: must be ${what}, got ${describe(value)}`;
}

/** How a JSON value reads in a problem: `"ten"`, `12`, `null`, `a list`, `an object`. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The known name a misspelt field most likely meant: within 2 edits, or differing only in case. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of known) {
    const d = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost));
    }
    row = next;
  }
  return row[b.length]!;
}
