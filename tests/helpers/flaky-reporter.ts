import type { Reporter, TestCase } from "vitest/node";

/** Names every test that passed only when tried again (CI retries once): a flaky test is a bug to look at. */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const retries = testCase.diagnostic()?.retryCount ?? 0;
    if (retries > 0 && testCase.result().state === "passed")
      this.flaky.push(`${testCase.module.relativeModuleId} > ${testCase.fullName} (passed at try ${retries + 1})`);
  }

  onTestRunEnd(): void {
    if (this.flaky.length)
      console.log(`\n[tests] passed only when tried again (flaky):\n${this.flaky.map((f) => `  ${f}`).join("\n")}\n`);
  }
}
