/**
 * The Bot Connector emulator in a process of its own, as Teams is: a pause in the sender's process
 * then cannot bunch up the arrival times the emulator's rate limits count. Argument: the
 * emulator's options as JSON. Prints `{"url": ...}` once listening; results are read from
 * GET /_emulator/requests and /_emulator/delivered. Stops on SIGTERM.
 */
import { startConnectorEmulator, type EmulatorOptions } from './connector-emulator.js';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startConnectorEmulator(options);
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.once('SIGTERM', () => {
  void emulator.close().then(() => process.exit(0));
});
