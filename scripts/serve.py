#!/usr/bin/env python3
"""Tiny static file server for the built app (dist/).

Used by `scripts/run.sh` (port 8080), by Playwright's `webServer` (port 4173) and by the benchmark.
Standard library only. Binds to loopback by default, serves `.wasm` as
`application/wasm` (needed for WebAssembly.instantiateStreaming), and sends
`Cache-Control: no-store` so a rebuilt dist/ is always picked up. With `--cache hosting` it sends
what docs/hosting.md tells a real host to send instead: content-hashed files may be cached for a
year, everything else is revalidated (the benchmark measures a first visit that way).

    python3 scripts/serve.py --dir dist --port 8080 [--host 127.0.0.1] [--quiet] [--also-under /sub/path/]
                             [--cache no-store|hosting]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import sys

# Trunk's content-hashed file names (the same pattern as scripts/post_build.py and docs/hosting.md;
# the hash has no leading zeros, so it can be shorter than 16 digits).
HASHED_NAME_RE = re.compile(r"-[0-9a-f]{8,16}(?:_bg)?\.(?:css|js|wasm)$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }
    quiet = False
    # Extra URL prefixes that also serve the directory (e.g. "/nested/app/"), so tests can prove
    # that the build only uses relative URLs and works under any sub-path.
    also_under: list[str] = []

    def translate_path(self, path: str) -> str:
        for prefix in self.also_under:
            if path.startswith(prefix):
                path = "/" + path[len(prefix):]
                break
        return super().translate_path(path)

    # "no-store" (tests, development) or "hosting" (the headers docs/hosting.md recommends).
    cache = "no-store"

    def end_headers(self) -> None:
        if self.cache == "hosting":
            path = self.path.split("?", 1)[0]
            if HASHED_NAME_RE.search(path):
                self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            else:
                self.send_header("Cache-Control", "no-cache")
        else:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        if not self.quiet:
            super().log_message(format, *args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="dist", help="directory to serve (default: dist)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.add_argument("--also-under", action="append", default=[], metavar="PREFIX",
                        help="also serve the directory under this URL prefix, e.g. /nested/app/")
    parser.add_argument("--cache", choices=["no-store", "hosting"], default="no-store",
                        help="Cache-Control: no-store (default), or hosting: what docs/hosting.md recommends")
    args = parser.parse_args()

    directory = os.path.abspath(args.dir)
    if not os.path.isfile(os.path.join(directory, "index.html")):
        print(f"serve.py: {directory}/index.html not found; build first (trunk build --release)",
              file=sys.stderr)
        return 2

    Handler.quiet = args.quiet
    Handler.cache = args.cache
    Handler.also_under = ["/" + p.strip("/") + "/" for p in args.also_under if p.strip("/")]
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print(f"Serving {directory} at http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
