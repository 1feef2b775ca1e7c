// Builds the Teams app package offline, the same way the Agents Toolkit's teamsApp/zipAppPackage
// does: fill ${{VAR}} placeholders from env/.env.<env>, then zip manifest.json with its images.
// Usage: node --import tsx scripts/package-manifest.ts <env>
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';

export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE_PATH = join(ROOT_DIR, 'manifest', 'manifest.template.json');
export const DEFAULT_OUT_DIR = join(ROOT_DIR, 'manifest', 'build');

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// A fixed timestamp keeps the zip byte-for-byte reproducible between runs.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export type EnvVars = Readonly<Record<string, string | undefined>>;

export class PlaceholderError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(
      `Unfilled manifest placeholder(s): ${missing.map((m) => `\${{${m}}}`).join(', ')}. ` +
        'Set them in env/.env.<env> (or env/.env.<env>.user, or the process environment).',
    );
    this.name = 'PlaceholderError';
  }
}

/** Parses KEY=VALUE lines; `#` starts a comment line; surrounding quotes are removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    vars[key] = value;
  }
  return vars;
}

export interface LoadEnvOptions {
  rootDir?: string;
  /** Overrides the files, as in the toolkit. Pass `{}` for a hermetic build. */
  processEnv?: EnvVars;
  /** Also read the git-ignored env/.env.<env>.user, as the toolkit does. */
  includeUserFile?: boolean;
}

export function loadEnv(envName: string, options: LoadEnvOptions = {}): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) throw new Error(`Invalid environment name: ${envName}`);
  const rootDir = options.rootDir ?? ROOT_DIR;
  const file = join(rootDir, 'env', `.env.${envName}`);
  if (!existsSync(file)) throw new Error(`Environment file not found: ${file}`);
  const vars = parseEnvFile(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if ((options.includeUserFile ?? true) && existsSync(userFile)) {
    Object.assign(vars, parseEnvFile(readFileSync(userFile, 'utf8')));
  }
  for (const [key, value] of Object.entries(options.processEnv ?? process.env)) {
    if (value !== undefined) vars[key] = value;
  }
  return vars;
}

/**
 * Replaces every ${{VAR}}. Empty values count as unfilled (an empty id is never valid).
 * Values are JSON-string escaped because every placeholder sits inside a JSON string.
 */
export function fillTemplate(template: string, vars: EnvVars): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) throw new PlaceholderError([...missing].sort());
  if (filled.includes('${{')) throw new Error('Malformed ${{...}} placeholder left in template');
  return filled;
}

/** Image files the manifest refers to, relative to the manifest folder. */
export function referencedFiles(manifest: unknown): string[] {
  const m = manifest as {
    icons?: Record<string, string | undefined>;
    configurableTabs?: Array<{ sharePointPreviewImage?: string }>;
  };
  const files = [
    ...Object.values(m.icons ?? {}),
    ...(m.configurableTabs ?? []).map((t) => t.sharePointPreviewImage),
  ].filter((f): f is string => typeof f === 'string' && f !== '');
  for (const f of files) {
    if (isAbsolute(f) || normalize(f).startsWith('..') || f.includes('\\')) {
      throw new Error(`Manifest file reference must be a plain relative path: ${f}`);
    }
  }
  return [...new Set(files)];
}

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  manifestJson: string;
  zip: Uint8Array;
  entries: string[];
}

/** Pure: template text + variables + file reader in, manifest and zip bytes out. */
export function buildPackage(
  templateText: string,
  vars: EnvVars,
  readAsset: (relativePath: string) => Uint8Array,
): BuiltPackage {
  const filled = fillTemplate(templateText, vars);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`Manifest is not valid JSON after filling placeholders: ${String(e)}`, {
      cause: e,
    });
  }
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const files: Zippable = { 'manifest.json': [strToU8(manifestJson), { mtime: ZIP_MTIME }] };
  for (const rel of referencedFiles(manifest)) {
    files[rel] = [readAsset(rel), { mtime: ZIP_MTIME }];
  }
  return { manifest, manifestJson, zip: zipSync(files, { level: 9 }), entries: Object.keys(files) };
}

export interface PackageResult extends BuiltPackage {
  manifestPath: string;
  zipPath: string;
}

export function packageManifest(
  envName: string,
  options: LoadEnvOptions & { outDir?: string; templatePath?: string } = {},
): PackageResult {
  const templatePath = options.templatePath ?? TEMPLATE_PATH;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const vars = loadEnv(envName, options);
  const manifestDir = dirname(templatePath);
  const built = buildPackage(readFileSync(templatePath, 'utf8'), vars, (rel) =>
    readFileSync(join(manifestDir, rel)),
  );
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${envName}.json`);
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(manifestPath, built.manifestJson);
  writeFileSync(zipPath, built.zip);
  return { ...built, manifestPath, zipPath };
}

const isMain =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;

if (isMain) {
  const envName = process.argv[2];
  if (!envName) {
    console.error('Usage: node --import tsx scripts/package-manifest.ts <env>   (e.g. local, dev)');
    process.exit(2);
  }
  try {
    const result = packageManifest(envName);
    console.log(`Wrote ${result.manifestPath}`);
    console.log(`Wrote ${result.zipPath} (${result.entries.join(', ')})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
