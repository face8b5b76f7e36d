import { execSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/** A port nobody listens on now. Set once in the runner; its workers inherit the environment. */
function freePort(): string {
  return execSync(`node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'`)
    .toString()
    .trim();
}

process.env.E2E_API_PORT ||= freePort();
process.env.E2E_WEB_PORT ||= freePort();
process.env.E2E_ADMIN_KEY ||= "sk_e2e_storefront_owner_key_00000001";
// A Standard Webhooks secret (whsec_ + base64 of 32 bytes) shared by the storefront and the endpoint the tests register.
process.env.E2E_WEBHOOK_SECRET ||= `whsec_${Buffer.from("mercato-e2e-webhook-secret-32b!!").toString("base64")}`;

const apiUrl = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
const webUrl = `http://127.0.0.1:${process.env.E2E_WEB_PORT}`;

export default defineConfig({
  testDir: "tests",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One shop, one browser at a time: the machine has two cores, and the journeys share the demo stock.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["junit", { outputFile: process.env.PLAYWRIGHT_JUNIT_OUTPUT_FILE || "test-results/junit.xml" }]],
  use: {
    baseURL: webUrl,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "bash scripts/e2e-api.sh",
      url: `${apiUrl}/health/ready`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: "bash scripts/e2e-storefront.sh",
      url: `${webUrl}/robots.txt`,
      timeout: 420_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
