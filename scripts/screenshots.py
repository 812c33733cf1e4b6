"""Screenshot pages of a running server in both languages, desktop and phone width.

Usage: python scripts/screenshots.py EMAIL PASSWORD PATH [PATH …] [--base URL] [--out DIR]
Debian's Chromium is used (never a downloaded browser).
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


def main() -> None:
    """Sign in once per language and size, then capture each path."""
    parser = argparse.ArgumentParser()
    parser.add_argument("email")
    parser.add_argument("password")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--dark", action="store_true")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for language in ("en", "vi"):
            for size_name, (width, height) in SIZES.items():
                context = browser.new_context(
                    base_url=options.base,
                    locale=language,
                    viewport={"width": width, "height": height},
                    color_scheme="dark" if options.dark else "light",
                )
                page = context.new_page()
                page.goto("/accounts/login/")
                page.fill("input[name=login]", options.email)
                page.fill("input[name=password]", options.password)
                page.click("button[type=submit]")
                page.wait_for_load_state("networkidle")
                for path in options.paths:
                    page.goto(path)
                    page.wait_for_load_state("networkidle")
                    name = path.strip("/").replace("/", "_").replace("?", "_") or "today"
                    page.screenshot(
                        path=out / f"{name}-{language}-{size_name}.png",
                        full_page=size_name == "desktop",
                    )
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
