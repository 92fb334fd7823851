import type { Assignment, Category, JudgingEvent, Team } from './event.js';

const TEAM_NAMES = [
  'Circuit Breakers',
  'Gear Grinders',
  'Byte Knights',
  'Torque Titans',
  'Voltage Vipers',
  'Pixel Pioneers',
  'Quantum Quokkas',
  'Servo Sapiens',
  'Lunar Logic',
  'Iron Owls',
  'Flux Capacitors',
  'Nano Ninjas',
  'Robo Ravens',
  'Sprocket Science',
];

const JUDGES = [
  ['J1', 'Amara Okafor'],
  ['J2', 'Ben Lindqvist'],
  ['J3', 'Chloé Martin'],
  ['J4', 'Dev Patel'],
  ['J5', 'Elena Rossi'],
  ['J6', 'Farid Haddad'],
  ['J7', 'Grace Kim'],
] as const;

const CATEGORIES: Category[] = [
  {
    id: 'robot-design',
    name: 'Robot Design',
    order: 1,
    criteria: [
      {
        id: 'mechanical',
        label: 'Mechanical design',
        description: 'Sturdy, efficient build; parts chosen for a reason.',
        min: 1,
        max: 10,
        step: 1,
        weight: 2,
        levels: [
          { value: 1, label: 'Beginning', description: 'Falls apart or cannot run a mission.' },
          { value: 4, label: 'Developing', description: 'Runs, but needs repairs between runs.' },
          { value: 7, label: 'Accomplished', description: 'Reliable; most parts have a purpose.' },
          { value: 10, label: 'Exemplary', description: 'Robust, efficient and easy to adjust.' },
        ],
      },
      {
        id: 'programming',
        label: 'Programming',
        description: 'Clear, reliable code; uses sensors well.',
        min: 1,
        max: 10,
        step: 1,
        weight: 2,
      },
      {
        id: 'strategy',
        label: 'Strategy',
        description: 'A plan for the missions, tested and improved.',
        min: 1,
        max: 10,
        step: 1,
        weight: 1,
      },
      {
        id: 'innovation',
        label: 'Innovation',
        description: 'Original ideas that make the robot better.',
        min: 1,
        max: 10,
        step: 1,
        weight: 1,
      },
      {
        id: 'explanation',
        label: 'Explanation',
        description: 'The team explains how and why it works.',
        min: 1,
        max: 5,
        step: 1,
        weight: 1,
        levels: [
          { value: 1, label: 'Unclear', description: 'Cannot say what the robot does.' },
          { value: 3, label: 'What', description: 'Explains what it does, not why.' },
          { value: 5, label: 'How and why', description: 'Explains choices and trade-offs.' },
        ],
      },
    ],
  },
  {
    id: 'innovation-project',
    name: 'Innovation Project',
    order: 2,
    criteria: [
      {
        id: 'problem',
        label: 'Problem',
        description: 'A real problem, clearly defined and researched.',
        min: 1,
        max: 10,
        step: 1,
        weight: 1,
      },
      {
        id: 'solution',
        label: 'Solution',
        description: 'Creative, feasible solution with evidence.',
        min: 1,
        max: 10,
        step: 1,
        weight: 2,
      },
      {
        id: 'sharing',
        label: 'Sharing',
        description: 'Shared with people who could use it.',
        min: 1,
        max: 10,
        step: 1,
        weight: 1,
        required: false,
      },
      {
        id: 'presentation',
        label: 'Presentation',
        description: 'Engaging, well organised, everyone takes part.',
        min: 0,
        max: 5,
        step: 0.5,
        weight: 1,
      },
    ],
  },
];

/**
 * A realistic regional robotics event: 14 teams entered in both categories, 7 judges, and a
 * round-robin plan giving each team 3 different judges per category (12 sheets per judge).
 */
export function demoEvent(eventId = 'demo-2026'): JudgingEvent {
  const categoryIds = CATEGORIES.map((c) => c.id);
  const teams: Team[] = TEAM_NAMES.map((name, i) => ({
    id: `T${String(i + 1).padStart(2, '0')}`,
    name,
    categoryIds,
    withdrawn: false,
  }));
  const judges = JUDGES.map(([id, name]) => ({ id, name }));
  const assignments: Assignment[] = [];
  let next = 0;
  for (const category of CATEGORIES) {
    for (const team of teams) {
      for (let k = 0; k < 3; k++) {
        assignments.push({
          judgeId: judges[next % judges.length]!.id,
          teamId: team.id,
          categoryId: category.id,
        });
        next++;
      }
    }
  }
  return {
    settings: { id: eventId, name: 'Riverside Regional Robotics Challenge' },
    categories: JSON.parse(JSON.stringify(CATEGORIES)) as Category[],
    teams,
    judges,
    assignments,
  };
}
