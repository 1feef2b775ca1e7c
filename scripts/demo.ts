// Runs the app on the embedded store with the demo partnership, and Microsoft's Agents Playground
// as the Teams client for the bot (PLAYGROUND=off to start the app alone).
import { LOCAL_CHANNEL_PATH } from '../src/adapters/http/dev-routes.js';
import { loadConfig } from '../src/server/config.js';
import { startServer } from '../src/server/start.js';
import { startPlayground } from './playground.js';

const config = loadConfig();
const server = await startServer(config);
console.log(`\nCritical Friend (demo: Harbourside Safeguarding Children Partnership)`);
console.log(`  Tab:      ${server.url}/   (sign in as scrutineer@harbourside.example)`);
console.log(`  Tracker:  ${server.url}/tracker`);
console.log(`  Bot:      ${server.url}/api/messages   (signed activities only)`);
let stopPlayground = async () => {};
if ((process.env.PLAYGROUND ?? 'on') !== 'off') {
  const pg = await startPlayground({
    // The Playground cannot sign its requests; the local channel signs them for the bot, as the
    // Bot Connector does for Teams, and passes them to /api/messages.
    botUrl: `${server.url}${LOCAL_CHANNEL_PATH}`,
    port: Number(process.env.PLAYGROUND_PORT ?? 56150),
    dataDir: config.dataDir,
  });
  stopPlayground = pg.stop;
  console.log(
    `  Teams chat (Agents Playground): ${pg.url}   (you are Aisha Noor, Eastshire Constabulary's partner lead)`,
  );
}
console.log('\nPress Ctrl+C to stop.');
const stop = async () => {
  await stopPlayground();
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
