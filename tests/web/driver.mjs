// A small bridge from pytest to playwright-core: one JSON command per stdin line, one JSON answer per
// stdout line. It drives Debian's Chromium (CARENET_CHROMIUM, default /usr/bin/chromium) and never
// downloads a browser. Commands: goto, evaluate, click, mouse, press, check, select, fill,
// screenshot, wait, failGraphql (fault injection), offline (network off but this machine), traffic, close. Answers: {"ok": true, "value": ...} or {"ok": false, "error": "..."}.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const executablePath = process.env.CARENET_CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "carenet-chromium-"));
const args = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
];

// A fresh profile folder each run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath, headless: true, args, viewport: { width: 1400, height: 900 }, acceptDownloads: true,
});
const page = context.pages()[0] || (await context.newPage());
const logs = [];
// What `offline` blocked (every request to a host other than this machine) and every response seen.
const blocked = [];
const responses = [];
const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);
page.on("response", (res) => {
  const req = res.request();
  responses.push({ url: res.url(), status: res.status(), method: req.method(), operation: (req.postData() || "").match(/"operationName":"(\w+)"/)?.[1] ?? null, authorization: Boolean(req.headers()["authorization"]) });
});
page.on("console", (msg) => logs.push(`${msg.type()}: ${msg.text()}`));
page.on("pageerror", (err) => logs.push(`pageerror: ${err.message}`));

const commands = {
  goto: ({ url }) => page.goto(url, { waitUntil: "load" }).then(() => null),
  // `expression` is the body of an async function; its return value must be JSON-serialisable.
  // Sent as a string so it runs through the DevTools protocol, not eval (the page's CSP forbids eval).
  evaluate: ({ expression, arg }) => page.evaluate(`(async (arg) => { ${expression} })(${JSON.stringify(arg ?? null)})`),
  click: ({ selector }) => page.click(selector).then(() => null),
  mouse: ({ x, y }) => page.mouse.click(x, y).then(() => null),
  press: ({ selector, key }) => (selector ? page.press(selector, key) : page.keyboard.press(key)).then(() => null),
  check: ({ selector, checked = true }) => page.setChecked(selector, checked).then(() => null),
  select: ({ selector, value }) => page.selectOption(selector, value).then((v) => v),
  fill: ({ selector, value }) => page.fill(selector, value).then(() => null),
  focused: () => page.evaluate(() => {
    const el = document.activeElement;
    return el ? { id: el.id, tag: el.tagName, name: el.getAttribute("name"), text: el.textContent.slice(0, 80) } : null;
  }),
  screenshot: ({ path, selector }) => (selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path })).then(() => path),
  download: async ({ selector, path }) => {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
    await dl.saveAs(path);
    return { path, suggested: dl.suggestedFilename() };
  },
  // Polls from here: waitForFunction would eval inside the page, which its CSP forbids.
  wait: async ({ expression, timeout = 30000 }) => {
    const until = Date.now() + timeout;
    for (;;) {
      if (await page.evaluate(`Boolean(${expression})`).catch(() => false)) return null;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  },
  logs: () => logs.splice(0),
  // The network off for everything but this machine: other requests fail (and are listed by `traffic`).
  offline: async () => {
    await context.route(/.*/, (route) => {
      const url = route.request().url();
      let host = "";
      try { host = new URL(url).hostname; } catch { host = ""; }
      if (url.startsWith("data:") || url.startsWith("blob:") || LOCAL.has(host) || LOCAL.has(`[${host}]`)) return route.continue();
      blocked.push(url);
      return route.abort("internetdisconnected");
    });
    return null;
  },
  traffic: () => ({ blocked: blocked.slice(), responses: responses.splice(0) }),
  // Fault injection: GraphQL requests whose body contains `contains` get `status` with no data;
  // `contains: null` lifts it. Every other request goes through to the real server.
  failGraphql: async ({ contains, status = 503 }) => {
    await page.unroute("**/graphql");
    if (contains == null) return null;
    await page.route("**/graphql", (route) => {
      const body = route.request().postData() || "";
      if (!body.includes(contains)) return route.continue();
      return route.fulfill({ status, contentType: "application/json", body: JSON.stringify({ errors: [{ message: "injected fault" }] }) });
    });
    return null;
  },
};

const lines = createInterface({ input: process.stdin });
process.stdout.write(JSON.stringify({ ok: true, value: "ready" }) + "\n");
for await (const line of lines) {
  if (!line.trim()) continue;
  const { op, ...params } = JSON.parse(line);
  if (op === "close") break;
  let answer;
  try {
    answer = { ok: true, value: (await commands[op](params)) ?? null };
  } catch (err) {
    answer = { ok: false, error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
await context.close();
rmSync(profile, { recursive: true, force: true });
