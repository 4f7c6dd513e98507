// Runs once before the end-to-end tests (not per worker): the browser is unpacked and checked before any test starts.
import { BrowserSetupError, prepareChromium } from './browser';

export default async function globalSetup(): Promise<void> {
  try {
    await prepareChromium();
  } catch (error) {
    if (!(error instanceof BrowserSetupError)) throw error;
    // One line the developer can act on, not a stack trace.
    console.error(error.message);
    process.exit(1);
  }
}
