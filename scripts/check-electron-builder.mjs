#!/usr/bin/env node
// Checks electron-builder.yml without packaging anything (packaging needs the internet):
//   1. it is valid against electron-builder's own JSON schema (app-builder-lib/scheme.json),
//      read and validated with the js-yaml and ajv that electron-builder itself uses, and then
//      loaded and validated by electron-builder's own configuration code, as `npm run dist` will;
//   2. every file and folder it names exists after `npm run build`, and it packs everything the
//      app loads at run time (main process, preload, hub process, start page, web UI);
//   3. better-sqlite3 is a runtime dependency, unpacked from the asar and rebuilt for Electron,
//      and only the hub process loads it, never the main process.
//
// Usage: node scripts/check-electron-builder.mjs [--config FILE] [--json]
// Exits 1 and lists every problem when there is one. Run by npm test through
// test/integration/electron-builder-config.test.ts.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the app loads at run time, relative to the app directory (apps/desktop/src/main/appLayout.ts). */
export const REQUIRED_APP_FILES = [
  'dist/main/main.cjs',
  'dist/preload/preload.cjs',
  'dist/hub/hubEntry.cjs',
  'dist/renderer/index.html',
];
/** The resources folder the hub serves the web UI from in the packaged app. */
const WEB_RESOURCE = 'web';
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const REQUIRED_TARGETS = { win: ['nsis'], mac: ['dmg'], linux: ['AppImage', 'deb'] };

/** electron-builder's own copies of its tools, so the check agrees with what it will do. */
function builderTools(root) {
  const fromRoot = createRequire(path.join(root, 'package.json'));
  const builderLib = fromRoot.resolve('app-builder-lib/package.json');
  const fromBuilder = createRequire(builderLib);
  const ajv = fromBuilder('ajv');
  return {
    schema: JSON.parse(fs.readFileSync(path.join(path.dirname(builderLib), 'scheme.json'), 'utf8')),
    builderConfig: fromBuilder('./out/util/config/config.js'),
    DebugLogger: fromBuilder('builder-util').DebugLogger,
    Ajv: ajv.default ?? ajv,
    yaml: fromBuilder('js-yaml'),
    minimatch: fromBuilder('minimatch').minimatch,
  };
}

const asList = (value) => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** Target names of a platform section (`target: nsis`, `[AppImage, deb]`, `[{ target: dmg }]`). */
function targetsOf(section) {
  return asList(section?.target).map((t) => (typeof t === 'string' ? t : t?.target));
}

/** Whether `file` (relative, forward slashes) is packed by electron-builder `files` patterns. */
function packedBy(patterns, file, minimatch) {
  let packed = false;
  for (const raw of patterns) {
    if (typeof raw !== 'string') continue;
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (minimatch(file, pattern, { dot: true })) packed = !negated;
  }
  return packed;
}

/**
 * Resolves to every problem found (empty when the configuration is good). `root` is the
 * repository, `configFile` the electron-builder configuration to check.
 */
export async function checkElectronBuilderConfig({
  root = ROOT,
  configFile = path.join(root, 'electron-builder.yml'),
} = {}) {
  const problems = [];
  const tools = builderTools(root);

  let config;
  try {
    config = tools.yaml.load(fs.readFileSync(configFile, 'utf8'));
  } catch (error) {
    return [`${path.relative(root, configFile)} cannot be read as YAML: ${error.message}`];
  }
  const validate = new tools.Ajv({ allErrors: true, strict: false }).compile(tools.schema);
  if (!validate(structuredClone(config))) {
    for (const error of validate.errors ?? []) {
      if (['anyOf', 'oneOf', 'if'].includes(error.keyword)) continue;
      const where = `configuration${error.instancePath.replaceAll('/', '.')}`;
      const detail =
        error.keyword === 'additionalProperties'
          ? `has an unknown property "${error.params.additionalProperty}"`
          : error.message;
      problems.push(`schema: ${where} ${detail}`);
    }
    if (problems.length === 0) problems.push('schema: the configuration does not match');
  } else {
    try {
      const loaded = await tools.builderConfig.getConfig(root, configFile, null);
      await tools.builderConfig.validateConfiguration(loaded, new tools.DebugLogger(false));
    } catch (error) {
      problems.push(`electron-builder: ${String(error.message).split('\n').slice(0, 2).join(' ')}`);
    }
  }

  const appDir = path.resolve(root, config?.directories?.app ?? '.');
  const appPackageFile = path.join(appDir, 'package.json');
  if (!fs.existsSync(appPackageFile)) {
    problems.push(`directories.app: ${path.relative(root, appPackageFile)} does not exist`);
    return problems;
  }
  const appPackage = JSON.parse(fs.readFileSync(appPackageFile, 'utf8'));
  const files = asList(config.files);
  const rel = (file) => path.relative(root, path.join(appDir, file));

  const required = [...new Set([appPackage.main, ...REQUIRED_APP_FILES].filter(Boolean))];
  if (appPackage.main !== REQUIRED_APP_FILES[0])
    problems.push(
      `${path.relative(root, appPackageFile)}: "main" should be ${REQUIRED_APP_FILES[0]}`,
    );
  for (const file of required) {
    if (!fs.existsSync(path.join(appDir, file)))
      problems.push(`${rel(file)} does not exist: run \`npm run build\` first`);
    if (!packedBy(files, file, tools.minimatch))
      problems.push(`files: ${file} is not packed, but the app loads it`);
  }
  for (const pattern of files) {
    if (typeof pattern !== 'string' || pattern.startsWith('!')) continue;
    const base = pattern.split(/[*{]/)[0].replace(/\/$/, '');
    if (base && !fs.existsSync(path.join(appDir, base)))
      problems.push(`files: ${pattern} names ${rel(base)}, which does not exist`);
  }

  const resources = asList(config.extraResources);
  for (const resource of resources) {
    const from = typeof resource === 'string' ? resource : resource?.from;
    if (!from) continue;
    const source = path.resolve(root, from);
    if (
      !fs.existsSync(source) ||
      (fs.statSync(source).isDirectory() && fs.readdirSync(source).length === 0)
    )
      problems.push(
        `extraResources: ${from} does not exist or is empty: run \`npm run build\` first`,
      );
  }
  const web = resources.find((r) => typeof r === 'object' && r?.to === WEB_RESOURCE);
  if (!web)
    problems.push(
      `extraResources: nothing is packed as "${WEB_RESOURCE}" (the web UI the hub serves)`,
    );
  else if (!fs.existsSync(path.join(root, web.from, 'index.html')))
    problems.push(
      `extraResources: ${web.from}/index.html does not exist: the hub would serve no UI`,
    );

  if (!appPackage.dependencies?.['better-sqlite3'])
    problems.push(
      `${path.relative(root, appPackageFile)}: better-sqlite3 must be a dependency (packed and rebuilt)`,
    );
  if (!asList(config.asarUnpack).some((p) => tools.minimatch(NATIVE_MODULE, p, { dot: true })))
    problems.push(`asarUnpack: ${NATIVE_MODULE} stays inside the asar, where it cannot be loaded`);
  if (config.npmRebuild === false)
    problems.push('npmRebuild: false would pack better-sqlite3 built for Node instead of Electron');
  const mainBundle = path.join(appDir, REQUIRED_APP_FILES[0]);
  if (
    fs.existsSync(mainBundle) &&
    /require\(["']better-sqlite3["']\)/.test(fs.readFileSync(mainBundle, 'utf8'))
  )
    problems.push(
      `${rel(REQUIRED_APP_FILES[0])} loads better-sqlite3: it belongs in the hub process only`,
    );

  for (const [platform, wanted] of Object.entries(REQUIRED_TARGETS)) {
    const have = targetsOf(config[platform]);
    for (const target of wanted)
      if (!have.includes(target)) problems.push(`${platform}.target: ${target} is missing`);
  }
  if (targetsOf(config.linux).includes('deb')) {
    if (!config.linux?.maintainer && !config.deb?.maintainer && !appPackage.author?.email)
      problems.push(
        'linux.maintainer: a .deb needs a maintainer (or an author email in package.json)',
      );
    if (!appPackage.homepage && !appPackage.repository)
      problems.push(`${path.relative(root, appPackageFile)}: a .deb needs "homepage"`);
  }
  return problems;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: { config: { type: 'string' }, json: { type: 'boolean' } },
  });
  const configFile = values.config ? path.resolve(values.config) : undefined;
  const problems = await checkElectronBuilderConfig({ configFile });
  if (values.json) process.stdout.write(`${JSON.stringify({ problems })}\n`);
  else if (problems.length === 0)
    process.stdout.write('electron-builder.yml: valid, and every file it names exists.\n');
  else
    process.stderr.write(
      `electron-builder configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
