#!/usr/bin/env python3
"""Loads an HTML file in headless Chromium and reports what a ministry laptop without network would see.

Usage: check_html.py PAGE.html SCREENSHOT.png
Prints one JSON object:
  console   — every console message the page produced (a page without script should produce none:
              a blocked resource, a CSP violation or a script error all show up here);
  requests  — every network request the page made (URL_REQUEST_START_JOB events of Chromium's net log
              whose network isolation key is the page's file:// site; the browser's own background
              requests, keyed "null" or google.com, are not the page's);
  charts    — for each <svg class="graphique"> of the rendered DOM, its number of lines (polyline.serie);
  screenshot_bytes — size of the PNG written.
Exits 2 when Chromium cannot be run; the caller judges the findings (a test also runs it on a page
that does fetch and log, to check that this detection works).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
         "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("Chromium introuvable (paquet Debian « chromium ») : lancez scripts/install-deps --test", file=sys.stderr)
    sys.exit(2)


def main(page, screenshot):
    url = "file://" + os.path.abspath(page)
    browser = chromium()
    with tempfile.TemporaryDirectory() as work:
        netlog = os.path.join(work, "net.json")
        run = subprocess.run([browser, *FLAGS, f"--user-data-dir={work}/profil", f"--log-net-log={netlog}",
                              "--dump-dom", url], capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            print(run.stderr[-2000:], file=sys.stderr)
            sys.exit(2)
        dom = run.stdout
        console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
        requests = page_requests(netlog)
        shot = subprocess.run([browser, *FLAGS, f"--user-data-dir={work}/profil2", "--window-size=1100,2600",
                               f"--screenshot={os.path.abspath(screenshot)}", url],
                              capture_output=True, text=True, timeout=120)
        if shot.returncode != 0 or not os.path.exists(screenshot):
            print(shot.stderr[-2000:], file=sys.stderr)
            sys.exit(2)
    charts = [len(re.findall(r'<polyline class="serie', svg))
              for svg in re.findall(r'<svg class="graphique".*?</svg>', dom, flags=re.S)]
    print(json.dumps({"console": console, "requests": requests, "charts": charts, "dom_bytes": len(dom),
                      "screenshot_bytes": os.path.getsize(screenshot)}, ensure_ascii=False))


def page_requests(netlog):
    with open(netlog, encoding="utf-8") as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log["events"]:
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        url = params.get("url", "")
        if "file://" in params.get("network_isolation_key", "") and not url.startswith(("file:", "data:")):
            found.append(url)
    return found


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: check_html.py PAGE.html SCREENSHOT.png")
    main(sys.argv[1], sys.argv[2])
