import type {
  Aggregation,
  Assignment,
  Category,
  Criterion,
  CriterionLevel,
  EventSettings,
  Judge,
  TimeSlot,
  JudgingEvent,
  ScoringRules,
  Team,
  TieBreaker,
} from './event.js';
import type { SheetStatus } from './sheetDoc.js';
import type { ObjectShape, Shape } from './shape.js';

/**
 * The structure of an event file, version 1 (docs/EVENT_FILE.md). docs/event-file.schema.json
 * says the same in JSON Schema; eventFileSchema.test.ts fails when the two disagree.
 *
 * Each object's `properties` is typed against the model type it fills, so adding a field to
 * `Criterion`, `ScoringRules`, `TieBreaker` and so on fails to compile here until the file
 * format (and its version, schema and docs) says how that field is written.
 */
export const EVENT_FILE_FORMAT = 'judgehub-event';
export const EVENT_FILE_VERSION = 1;

type PropertiesOf<T> = { readonly [K in keyof Required<T>]: Shape };

function object<T>(
  name: string,
  properties: PropertiesOf<T>,
  required: readonly (keyof T & string)[],
): ObjectShape {
  return { type: 'object', name, properties, required };
}

/** Every member of a string union, listed once; the compiler says if one is missing. */
const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): L =>
    values;

const AGGREGATIONS = allOf<Aggregation>()(['mean', 'median', 'trimmed-mean', 'sum']);
const SHEET_STATUSES = allOf<SheetStatus>()(['draft', 'submitted', 'final']);

const id = { type: 'string', id: true } as const satisfies Shape;
const text = { type: 'string' } as const satisfies Shape;
const number = { type: 'number' } as const satisfies Shape;
const list = (items: Shape): Shape => ({ type: 'array', items });

const levelShape = object<CriterionLevel>(
  'CriterionLevel',
  { value: number, label: text, description: text },
  ['value', 'label'],
);

const criterionShape = object<Criterion>(
  'Criterion',
  {
    id,
    label: text,
    description: text,
    min: number,
    max: number,
    step: { type: 'number', exclusiveMinimum: 0 },
    weight: { type: 'number', minimum: 0 },
    required: { type: 'boolean' },
    levels: list(levelShape),
  },
  ['id', 'label', 'min', 'max', 'step', 'weight'],
);

const tieBreakerVariants: { readonly [K in TieBreaker['kind']]: ObjectShape } = {
  criterion: object<Extract<TieBreaker, { kind: 'criterion' }>>(
    'CriterionTieBreaker',
    { kind: { type: 'const', value: 'criterion' }, criterionId: id },
    ['kind', 'criterionId'],
  ),
  aggregation: object<Extract<TieBreaker, { kind: 'aggregation' }>>(
    'AggregationTieBreaker',
    {
      kind: { type: 'const', value: 'aggregation' },
      aggregation: { type: 'string', enum: AGGREGATIONS },
    },
    ['kind', 'aggregation'],
  ),
};

const scoringShape = object<ScoringRules>(
  'ScoringRules',
  {
    aggregation: { type: 'string', enum: AGGREGATIONS },
    trim: { type: 'number', integer: true, minimum: 0 },
    aggregateBy: {
      type: 'string',
      enum: allOf<ScoringRules['aggregateBy']>()(['judge-total', 'criterion']),
    },
    normalisation: {
      type: 'string',
      enum: allOf<ScoringRules['normalisation']>()(['none', 'z-score']),
    },
    minJudges: { type: 'number', integer: true, minimum: 1 },
    tieBreakers: list({ type: 'tagged', tag: 'kind', variants: tieBreakerVariants }),
    decimals: { type: 'number', integer: true, minimum: 0, maximum: 6 },
    topN: { type: 'number', integer: true, minimum: 1 },
  },
  [],
);

const categoryShape = object<Category>(
  'Category',
  { id, name: text, order: number, criteria: list(criterionShape), scoring: scoringShape },
  ['id', 'name', 'criteria'],
);

const teamShape = object<Team>(
  'Team',
  { id, name: text, categoryIds: list(id), withdrawn: { type: 'boolean' } },
  ['id', 'name', 'categoryIds'],
);

const eventShape = object<JudgingEvent>(
  'Event',
  {
    settings: object<EventSettings>('EventSettings', { id, name: text }, ['id', 'name']),
    categories: list(categoryShape),
    teams: list(teamShape),
    judges: list(
      object<Judge>(
        'Judge',
        { id, name: text, conflicts: list(id), removed: { type: 'boolean' } },
        ['id', 'name'],
      ),
    ),
    assignments: list(
      object<Assignment>(
        'Assignment',
        {
          judgeId: id,
          teamId: id,
          categoryId: id,
          room: text,
          slot: object<TimeSlot>(
            'TimeSlot',
            {
              start: { type: 'number', integer: true, minimum: 0 },
              minutes: { type: 'number', exclusiveMinimum: 0 },
            },
            ['start', 'minutes'],
          ),
        },
        ['judgeId', 'teamId', 'categoryId'],
      ),
    ),
  },
  ['settings', 'categories', 'teams', 'judges', 'assignments'],
);

/** One judge's sheet for one team in one category, as the file carries it. */
export interface EventFileSheet {
  judgeId: string;
  teamId: string;
  categoryId: string;
  /** Criterion id → the value given. A criterion not scored yet is left out. */
  values: Record<string, number>;
  comment?: string;
  status: SheetStatus;
}

export const sheetShape = object<EventFileSheet>(
  'Sheet',
  {
    judgeId: id,
    teamId: id,
    categoryId: id,
    values: { type: 'map', values: number },
    comment: text,
    status: { type: 'string', enum: SHEET_STATUSES },
  },
  ['judgeId', 'teamId', 'categoryId', 'values', 'status'],
);

export const eventFileShape: ObjectShape = {
  type: 'object',
  name: 'EventFile',
  properties: {
    // Lets an editor find the schema: `"$schema": "./event-file.schema.json"`.
    $schema: text,
    format: { type: 'const', value: EVENT_FILE_FORMAT },
    version: { type: 'number', integer: true, minimum: 1, maximum: EVENT_FILE_VERSION },
    event: eventShape,
    sheets: list(sheetShape),
  },
  required: ['format', 'version', 'event'],
};
