// The web-platform-tests' CORS cases ported in test/wpt/cases.mjs, as scenarios to record in each browser: where a
// browser and a test disagree, the recording says what the browser does (docs/emulator.md lists each case).
// usage: node scripts/conformance/probes/wpt-cors.mjs > scenarios.json
import { toScenarios } from '../../../test/wpt/cases.mjs';

process.stdout.write(JSON.stringify(toScenarios()));
