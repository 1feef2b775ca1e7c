// Packages the Teams app for `local` and validates it offline against the schema bundled in
// @microsoft/app-manifest (never fetched from the web).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PlaceholderError,
  buildPackage,
  fillTemplate,
  loadEnv,
  packageManifest,
  TEMPLATE_PATH,
  type PackageResult,
} from '../../scripts/package-manifest.js';

const require = createRequire(import.meta.url);
const SCHEMA_ROOT = join(
  require.resolve('@microsoft/app-manifest/package.json'),
  '..',
  'build',
  'json-schemas',
  'teams',
);

type Validate = (manifest: unknown) => Promise<string[]>;

/**
 * @microsoft/app-manifest 1.1.2 requires `fs-extra` without declaring it. When it is not
 * installed, serve the two calls the schema loader makes (pathExists, readFile) from node:fs.
 */
function loadValidator(): Validate {
  try {
    require.resolve('fs-extra');
  } catch {
    const Module = require('node:module') as {
      _resolveFilename: (request: string, ...rest: unknown[]) => string;
    };
    const fsp = require('node:fs/promises') as typeof import('node:fs/promises');
    const shimId = 'fs-extra (test shim)';
    require.cache[shimId] = {
      id: shimId,
      filename: shimId,
      loaded: true,
      exports: {
        pathExists: (p: string) =>
          fsp.access(p).then(
            () => true,
            () => false,
          ),
        readFile: fsp.readFile,
      },
    } as unknown as NodeJS.Module;
    const original = Module._resolveFilename;
    Module._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'fs-extra' ? shimId : original.call(this, request, ...rest);
    };
  }
  const { AppManifestUtils } = require('@microsoft/app-manifest') as {
    AppManifestUtils: { validateAgainstSchema: Validate };
  };
  return (manifest) => AppManifestUtils.validateAgainstSchema(manifest);
}

function schemaVersion(manifest: { $schema?: unknown }): string {
  const match = /\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(
    String(manifest.$schema),
  );
  if (!match?.[1]) throw new Error(`Unexpected $schema: ${String(manifest.$schema)}`);
  return match[1];
}

function pngSize(png: Uint8Array): { width: number; height: number; colourType: number } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25] ?? -1 };
}

describe('Teams app package (local)', () => {
  let outDir: string;
  let result: PackageResult;
  let files: Record<string, Uint8Array>;
  let manifest: Record<string, unknown> & {
    $schema?: string;
    manifestVersion?: string;
    configurableTabs?: Array<Record<string, unknown>>;
    bots?: Array<Record<string, unknown>>;
  };
  let validate: Validate;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'cf-manifest-'));
    // Hermetic: only the committed env/.env.local, no developer .user file or shell variables.
    result = packageManifest('local', { outDir, processEnv: {}, includeUserFile: false });
    files = unzipSync(readFileSync(result.zipPath));
    manifest = JSON.parse(strFromU8(files['manifest.json']!)) as typeof manifest;
    validate = loadValidator();
  });

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes manifest.json at the zip root with every referenced image', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['color.png', 'manifest.json', 'outline.png', 'sharepoint-preview.png'].sort(),
    );
    expect(existsSync(result.manifestPath)).toBe(true);
    expect(JSON.parse(readFileSync(result.manifestPath, 'utf8'))).toEqual(manifest);
  });

  it('declares a schema version >= 1.22 that is bundled locally', () => {
    const version = schemaVersion(manifest);
    const [major, minor] = version.split('.').map(Number);
    expect(major === 1 && (minor ?? 0) >= 22).toBe(true);
    expect(manifest.manifestVersion).toBe(version);
    // Guards the offline promise: without the bundled file the library would fetch the URL.
    expect(existsSync(join(SCHEMA_ROOT, `v${version}`, 'MicrosoftTeams.schema.json'))).toBe(true);
  });

  it('validates against the bundled Teams schema with 0 errors', async () => {
    expect(await validate(manifest)).toEqual([]);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon with alpha', () => {
    expect(pngSize(files['color.png']!)).toMatchObject({ width: 192, height: 192 });
    // Colour type 6 = RGBA: the outline icon needs a transparent background.
    expect(pngSize(files['outline.png']!)).toEqual({ width: 32, height: 32, colourType: 6 });
    expect(pngSize(files['sharepoint-preview.png']!)).toMatchObject({ width: 1024, height: 768 });
  });

  it('offers the configurable tab in meetings and SharePoint', () => {
    const tab = manifest.configurableTabs?.[0];
    expect(tab?.context).toEqual(
      expect.arrayContaining(['meetingSidePanel', 'meetingStage', 'channelTab']),
    );
    expect(tab?.supportedSharePointHosts).toEqual(['sharePointFullPage', 'sharePointWebPart']);
    expect(tab?.sharePointPreviewImage).toBe('sharepoint-preview.png');
  });

  it('reports errors for an invalid bot id (the validator can fail)', async () => {
    const broken = structuredClone(manifest);
    broken.bots = [{ ...broken.bots?.[0], botId: 'not-a-guid' }];
    const errors = await validate(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/\/bots\/0\/botId must match pattern/);
  });
});

describe('placeholder filling', () => {
  it('fails clearly, naming every unfilled placeholder', () => {
    const template = readFileSync(TEMPLATE_PATH, 'utf8');
    const vars = { ...loadEnv('local', { processEnv: {}, includeUserFile: false }) };
    delete vars.BOT_ID;
    vars.TAB_DOMAIN = '';
    expect(() => buildPackage(template, vars, () => new Uint8Array())).toThrow(PlaceholderError);
    expect(() => buildPackage(template, vars, () => new Uint8Array())).toThrow(
      /Unfilled manifest placeholder\(s\): \$\{\{BOT_ID\}\}, \$\{\{TAB_DOMAIN\}\}/,
    );
  });

  it('escapes values so the JSON stays valid', () => {
    expect(JSON.parse(fillTemplate('{"a":"${{X}}"}', { X: 'say "hi" \\ bye' }))).toEqual({
      a: 'say "hi" \\ bye',
    });
  });
});
