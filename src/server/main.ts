import { startServer } from './start.js';
import { ConfigError, loadConfig } from './config.js';

try {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Critical Friend is listening on ${server.url}`);
  console.log(`  tab:     ${server.url}/`);
  console.log(`  bot:     ${server.url}/api/messages`);
  console.log(`  health:  ${server.url}/healthz`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`Critical Friend cannot start: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
