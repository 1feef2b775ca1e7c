// Starts Microsoft 365 Agents Playground against the bot, as a demo partner lead: its config file
// makes the Playground's user a person the demo partnership knows (by Entra object id and tenant).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { DEMO_POLICE_LEAD_OID, DEMO_TENANT_ID, oid } from '../src/server/seed/harbourside.js';

// The Playground validates this file against its schema and exits (silently) if it does not fit.
const fields = (indent: string, id: string, name: string, upn: string, objectId: string) => {
  const [givenName, surname] = name.split(' ');
  return [
    `id: ${id}`,
    `name: ${name}`,
    `userPrincipleName: ${upn}`,
    `aadObjectId: ${objectId}`,
    `givenName: ${givenName}`,
    `surname: ${surname}`,
    `email: ${upn}`,
  ]
    .map((l, i) => (i === 0 ? l : `${indent}${l}`))
    .join('\n');
};
const user = (id: string, name: string, upn: string, objectId: string) =>
  `  - ${fields('    ', id, name, upn, objectId)}\n`;

/** The demo people a Playground can be: its current user, and the others in its chats. */
export const PLAYGROUND_PEOPLE = {
  aisha: ['user-aisha', 'Aisha Noor', 'aisha.noor@eastshire-police.example', DEMO_POLICE_LEAD_OID],
  tom: ['user-tom', 'Tom Bradley', 'tom.bradley@eastshire-police.example', oid(22)],
  sam: ['user-sam', 'Sam Carter', 'sam.carter@harbourside.example', oid(12)],
  beth: ['user-beth', 'Beth Morris', 'beth.morris@coastvale-icb.example', oid(32)],
  owen: ['user-owen', 'Owen Price', 'owen.price@harbourside-college.example', oid(40)],
  lena: ['user-lena', 'Lena Kowalski', 'lena.kowalski@brightpath.example', oid(50)],
} as const satisfies Record<string, readonly [string, string, string, string]>;
export type PlaygroundPerson = keyof typeof PLAYGROUND_PEOPLE;

/**
 * The Playground has one fixed current user per instance (no switching), so a second person is a
 * second instance with its own config; the group chat has the same id and members in each.
 */
export function playgroundConfig(me: PlaygroundPerson = 'aisha'): string {
  const [id, name, upn, objectId] = PLAYGROUND_PEOPLE[me];
  const others = Object.entries(PLAYGROUND_PEOPLE)
    .filter(([key]) => key !== me)
    .map(([, [i, n, u, o]]) => user(i, n, u, o))
    .join('');
  return `version: "0.1.1"
tenantId: ${DEMO_TENANT_ID}
bot:
  id: 00000000-0000-0000-0000-00000000cf01
  name: Critical Friend
currentUser:
  ${fields('  ', id, name, upn, objectId)}
users:
${others}personalChat:
  id: personal-chat-${me}
groupChat:
  id: group-chat-scrutiny
  name: Harbourside scrutiny
team:
  id: team-harbourside
  name: Harbourside Partnership
  aadGroupId: 00000000-0000-0000-0000-00000000cf02
  channels:
    - id: channel-general
      name: General
`;
}

export async function startPlayground(opts: {
  botUrl: string;
  port: number;
  dataDir: string;
  /** Who the Playground's user is (default Aisha Noor, Eastshire Constabulary's partner lead). */
  as?: PlaygroundPerson;
}) {
  const me = opts.as ?? 'aisha';
  const configPath = resolve(
    join(
      opts.dataDir,
      me === 'aisha' ? 'm365agentsplayground.yml' : `m365agentsplayground-${me}.yml`,
    ),
  );
  writeFileSync(configPath, playgroundConfig(me));
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', opts.botUrl, '-c', 'msteams', '--disable-telemetry', '-p', String(opts.port)],
    {
      // Its own environment: under NODE_ENV=test (as in a test runner) it does not serve its page.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Agents Playground did not start:\n${log}`)),
      60_000,
    );
    const onData = (d: Buffer) => {
      log += d.toString();
      if (/Listening on/i.test(log)) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Agents Playground exited (${code}):\n${log}`)));
  });
  // It prints "Listening" a moment before the port accepts connections: wait until it answers.
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100 || child.exitCode !== null)
      throw new Error(`Agents Playground is not answering (exit ${child.exitCode}):\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
