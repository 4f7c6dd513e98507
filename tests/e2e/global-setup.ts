// Runs once before the end-to-end tests (not per worker): the browser is unpacked and checked before any test starts.
import { prepareChromium } from './browser';

export default prepareChromium;
