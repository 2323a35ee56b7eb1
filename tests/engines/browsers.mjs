// The three engines, each through its own W3C WebDriver server, with Debian's
// browser builds: Chromium (chromedriver), Firefox ESR (geckodriver) and
// WebKitGTK (WebKitWebDriver driving MiniBrowser, which needs an X display).
// Every path is explicit, so selenium-webdriver never looks for a driver or a
// browser to download.
import { Builder } from "selenium-webdriver";
import chrome from "selenium-webdriver/chrome.js";
import firefox from "selenium-webdriver/firefox.js";
import remote from "selenium-webdriver/remote/index.js";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const which = (...paths) => paths.find((p) => p && existsSync(p)) ?? paths.at(-1);

export const PATHS = {
  chromium: "/usr/bin/chromium",
  chromedriver: "/usr/bin/chromedriver",
  firefox: "/usr/bin/firefox-esr",
  // cargo install's; GECKODRIVER names another.
  geckodriver: which(
    process.env.GECKODRIVER,
    process.env.CARGO_HOME && join(process.env.CARGO_HOME, "bin/geckodriver"),
    join(homedir(), ".cargo/bin/geckodriver"),
  ),
  minibrowser: `/usr/lib/${{ x64: "x86_64", arm64: "aarch64" }[process.arch] ?? process.arch}-linux-gnu/webkit2gtk-4.1/MiniBrowser`,
  webkitdriver: "/usr/bin/WebKitWebDriver",
};

// Drivers are reached on the loopback address only.
const LOOPBACK = "127.0.0.1";

export const ENGINES = ["chromium", "firefox", "webkit"];

/** A new WebDriver session in `engine`, with a 1280×900 window. */
export async function openSession(engine) {
  let driver;
  if (engine === "chromium") {
    const options = new chrome.Options()
      .setChromeBinaryPath(PATHS.chromium)
      .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,900");
    driver = await new Builder()
      .forBrowser("chrome")
      .setChromeOptions(options)
      .setChromeService(new chrome.ServiceBuilder(PATHS.chromedriver).setHostname(LOOPBACK))
      .build();
  } else if (engine === "firefox") {
    const options = new firefox.Options()
      .setBinary(PATHS.firefox)
      .addArguments("-headless", "--width=1280", "--height=900");
    driver = await new Builder()
      .forBrowser("firefox")
      .setFirefoxOptions(options)
      .setFirefoxService(new firefox.ServiceBuilder(PATHS.geckodriver).setHostname(LOOPBACK))
      .build();
  } else if (engine === "webkit") {
    if (!process.env.DISPLAY) throw new Error("WebKitGTK needs an X display (DISPLAY); run through tests/engines/run.mjs");
    // selenium-webdriver has no WebKitGTK module: start WebKitWebDriver as a
    // generic driver service and talk to it as a remote end.
    const service = new remote.DriverService.Builder(PATHS.webkitdriver).setHostname(LOOPBACK).build();
    const url = await service.start();
    try {
      driver = await new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: PATHS.minibrowser, args: ["--automation"] },
        })
        .build();
    } catch (e) {
      await service.kill();
      throw e;
    }
    const quit = driver.quit.bind(driver);
    driver.quit = () => quit().finally(() => service.kill());
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  return driver;
}
