// Writes each test's project, name, state and error messages to $MUTANTS_REPORT (the JSON reporter has no projects).
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class MutantsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const tests = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        project: module.project.name,
        name: test.name,
        state: test.result().state,
        errors: (test.result().errors ?? []).map((error) => error.message),
      })),
    );
    writeFileSync(process.env.MUTANTS_REPORT!, JSON.stringify(tests, null, 1));
  }
}
