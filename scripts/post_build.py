#!/usr/bin/env python3
"""Trunk post-build step: the Content-Security-Policy, the service worker and the single-file build.

Trunk runs it after writing the build into its staging directory (`[[hooks]] stage = "post_build"` in
Trunk.toml, which passes TRUNK_STAGING_DIR); it can also run by hand on a built directory:

    python3 scripts/post_build.py [--dist DIR]

It is idempotent (running it twice gives the same files) and Python 3 standard library only. In order:

1. index.html gets a `<meta http-equiv="Content-Security-Policy">` right after `<meta charset>`, with
   the SHA-256 of every inline script (Trunk's module script that starts the wasm).
2. vientiane-vision-atlas.html: one self-contained page for USB sticks and e-mail. The stylesheets are
   inlined as <style>, the wasm travels base64-encoded in a non-executable data block, and the
   wasm-bindgen glue is inlined as a module that starts the app from those bytes instead of fetching a
   URL, so the page works from file:// with no server. It has its own, stricter CSP (nothing to load at
   all) and is marked so that the app registers no service worker there.
3. sw.js from scripts/sw-template.js: the list of every file of the build (written last, so that it
   sees the final index.html) and a version hashed from their names and contents, so that any change
   to any file makes a new service worker, which the page announces as an update.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SW_TEMPLATE = ROOT / "scripts" / "sw-template.js"
SW_NAME = "sw.js"
SINGLE_FILE_NAME = "vientiane-vision-atlas.html"
BUILD_PLACEHOLDER = "/* BUILD */ { version: 'unbuilt', files: [], immutable: [] }"
# Trunk's content-hashed names (Trunk.toml: filehash = true): such a name always means the same bytes.
# Trunk writes the 64-bit content hash as `{:x}`, without leading zeros: up to 16 hex digits, fewer
# now and then (one build in 16 has 15 or fewer). Eight or more is certain for any real build.
HASHED_NAME_RE = re.compile(r"-[0-9a-f]{8,16}(?:_bg)?\.(?:css|js|wasm)$")

# The policy of the hosted app. 'wasm-unsafe-eval' allows compiling WebAssembly and nothing else (no
# eval); img-src needs data: and blob: because chart and map exports draw SVG images onto a canvas.
# frame-ancestors cannot be set from a <meta> (browsers ignore it there): see docs/hosting.md.
HOSTED_POLICY = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),  # + the inline scripts' hashes
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:", "blob:"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'none'"]),
]

# The single file loads nothing at all: every script and style is inline and allowed by its hash.
SINGLE_FILE_POLICY = [
    ("default-src", ["'none'"]),
    ("script-src", ["'wasm-unsafe-eval'"]),  # + the inline scripts' hashes
    ("style-src", []),  # + the inline styles' hashes
    ("img-src", ["data:", "blob:"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'none'"]),
]

# Inline `style` attributes the app sets through setAttribute (which CSP treats like inline styles).
# Each exact value is allowed by its hash under 'unsafe-hashes'; any other inline style attribute is
# refused. Prefer `style:property=` in components (CSSOM, which CSP allows) and keep this list empty.
STYLE_ATTRIBUTES: list[str] = []

CSP_META_RE = re.compile(r'[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?', re.I)
CHARSET_RE = re.compile(r'<meta charset="utf-8"\s*/?>', re.I)
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
STYLESHEET_RE = re.compile(r'[ \t]*<link rel="stylesheet" href="\./([^"]+)"[^>]*>\n?')
PRELOAD_RE = re.compile(r'[ \t]*<link rel="(?:modulepreload|preload)"[^>]*>\n?')
TRUNK_BOOT_RE = re.compile(
    r"<script type=\"module\">\s*import init, \* as bindings from '\./([^']+\.js)';.*?</script>\n?", re.S
)
WASM_PATH_RE = re.compile(r"module_or_path: '\./([^']+\.wasm)'")
# The files index.html links in its head (icons, manifest), relative to it.
PAGE_LINK_HREF_RE = re.compile(r'<link rel="(?:manifest|icon|apple-touch-icon)"[^>]*\bhref="(?:\./)?([^"]+)"')
HEAD_LINK_RE = re.compile(r'[ \t]*<link rel="(?:manifest|icon|apple-touch-icon)"[^>]*>\n?')


class BuildError(Exception):
    pass


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_text(policy: list[tuple[str, list[str]]], extra: dict[str, list[str]]) -> str:
    parts = []
    for directive, sources in policy:
        values = sources + extra.get(directive, [])
        parts.append(f"{directive} {' '.join(values) if values else chr(39) + 'none' + chr(39)}")
    return "; ".join(parts)


def is_javascript(attributes: str) -> bool:
    """Whether a <script> with these attributes runs (data blocks such as the wasm do not)."""
    match = re.search(r'\btype="([^"]*)"', attributes)
    return match is None or match.group(1).strip().lower() in ("", "module", "text/javascript")


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in SCRIPT_RE.findall(html):
        if "src=" in attributes or not is_javascript(attributes):
            continue
        hashes.append(sha256_source(body))
    return hashes


def with_policy(html: str, policy_meta: str) -> str:
    html = CSP_META_RE.sub("", html)
    match = CHARSET_RE.search(html)
    if not match:
        raise BuildError('index.html has no <meta charset="utf-8"> to put the policy after')
    return html[: match.end()] + "\n  " + policy_meta + html[match.end():]


def policy_meta(content: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def style_attribute_sources() -> list[str]:
    if not STYLE_ATTRIBUTES:
        return []
    return ["'unsafe-hashes'"] + [sha256_source(value) for value in STYLE_ATTRIBUTES]


def add_hosted_policy(html: str) -> str:
    html = CSP_META_RE.sub("", html)
    content = policy_text(
        HOSTED_POLICY,
        {"script-src": inline_script_hashes(html), "style-src": style_attribute_sources()},
    )
    return with_policy(html, policy_meta(content))


def module_from_glue(glue: str) -> str:
    """The wasm-bindgen glue without its `export`s, so that it can be an inline module."""
    glue = re.sub(r"^export \{[^}]*\};?[ \t]*$", "", glue, flags=re.M)
    glue = re.sub(r"^export (?=(?:async )?(?:class|function|const|let|var)\b)", "", glue, flags=re.M)
    left = re.findall(r"^(?:export|import)\b.*$", glue, flags=re.M)
    if left:
        raise BuildError(f"the wasm-bindgen glue has statements the single file cannot inline: {left[:3]}")
    return glue


def single_file(dist: pathlib.Path, html: str) -> str:
    """The self-contained page, from the finished index.html (without its policy)."""
    html = CSP_META_RE.sub("", html)
    boot = TRUNK_BOOT_RE.search(html)
    wasm_match = WASM_PATH_RE.search(boot.group(0)) if boot else None
    if not boot or not wasm_match:
        raise BuildError("index.html does not have Trunk's module script that starts the wasm")
    glue = (dist / boot.group(1)).read_text(encoding="utf-8")
    wasm = (dist / wasm_match.group(1)).read_bytes()

    styles = []
    for name in STYLESHEET_RE.findall(html):
        css = (dist / name).read_text(encoding="utf-8")
        if "</style" in css.lower():
            raise BuildError(f"{name} contains '</style', which would end the inline style early")
        styles.append(f"<style>\n/* {name} */\n{css}</style>")

    starter = (
        "\n// The single file: the wasm comes from the data block above, not from a URL.\n"
        "const encoded = document.getElementById('atlas-wasm').textContent.replace(/\\s+/g, '');\n"
        "const binary = atob(encoded);\n"
        "const bytes = new Uint8Array(binary.length);\n"
        "for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);\n"
        "await __wbg_init({ module_or_path: bytes });\n"
    )
    script = "\n" + module_from_glue(glue) + starter
    if "</script" in script.lower():
        raise BuildError("the glue contains '</script', which would end the inline script early")
    encoded = base64.b64encode(wasm).decode("ascii")
    lines = "\n".join(encoded[i:i + 4096] for i in range(0, len(encoded), 4096))

    page = STYLESHEET_RE.sub("", html)
    page = PRELOAD_RE.sub("", page)
    page = HEAD_LINK_RE.sub("", page)
    page = TRUNK_BOOT_RE.sub("", page)
    icon = (dist / "icons" / "icon.svg").read_bytes() if (dist / "icons" / "icon.svg").is_file() else None
    head = ['<meta name="atlas-build" content="single-file">']
    if icon:
        head.append(
            '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,'
            + base64.b64encode(icon).decode("ascii") + '">'
        )
    head += styles
    head.append(f'<script type="application/octet-stream" id="atlas-wasm">\n{lines}\n</script>')
    head.append(f'<script type="module">{script}</script>')
    if "</head>" not in page:
        raise BuildError("index.html has no </head>")
    page = page.replace("</head>", "\n".join(head) + "\n</head>", 1)

    content = policy_text(
        SINGLE_FILE_POLICY,
        {
            "script-src": inline_script_hashes(page),
            "style-src": [sha256_source(body) for body in STYLE_RE.findall(page)]
            + style_attribute_sources(),
        },
    )
    return with_policy(page, policy_meta(content))


def precache_list(dist: pathlib.Path) -> list[str]:
    """Every file of the build, relative to the service worker, except itself, the single file and the
    PNG icons that only the manifest names. Those are fetched only by a browser that installs the app,
    so precaching them would add ~60 kB to every first visit for nothing. A PNG that index.html links
    (the apple-touch-icon) is precached: Firefox fetches it on every page load, offline too."""
    linked = set(PAGE_LINK_HREF_RE.findall((dist / "index.html").read_text(encoding="utf-8")))
    files = []
    for path in sorted(dist.rglob("*")):
        relative = path.relative_to(dist).as_posix()
        if not path.is_file() or relative in (SW_NAME, SINGLE_FILE_NAME):
            continue
        if relative.startswith("icons/") and relative.endswith(".png") and relative not in linked:
            continue
        files.append(relative)
    return files


def build_version(dist: pathlib.Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256((dist / name).read_bytes()).digest())
    return digest.hexdigest()[:20]


def service_worker(dist: pathlib.Path) -> str:
    template = SW_TEMPLATE.read_text(encoding="utf-8")
    if template.count(BUILD_PLACEHOLDER) != 1:
        raise BuildError(f"{SW_TEMPLATE} must contain {BUILD_PLACEHOLDER!r} exactly once")
    files = precache_list(dist)
    if "index.html" not in files:
        raise BuildError("the build has no index.html")
    build = {
        "version": build_version(dist, files),
        "files": files,
        "immutable": [name for name in files if HASHED_NAME_RE.search(name)],
    }
    return template.replace(BUILD_PLACEHOLDER, json.dumps(build, indent=2))


def run(dist: pathlib.Path) -> None:
    index = dist / "index.html"
    if not index.is_file():
        raise BuildError(f"{index} not found")
    html = index.read_text(encoding="utf-8")
    index.write_text(add_hosted_policy(html), encoding="utf-8")
    (dist / SINGLE_FILE_NAME).write_text(single_file(dist, html), encoding="utf-8")
    (dist / SW_NAME).write_text(service_worker(dist), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist",
        default=os.environ.get("TRUNK_STAGING_DIR"),
        help="the built directory (default: $TRUNK_STAGING_DIR, set by Trunk)",
    )
    args = parser.parse_args()
    if not args.dist:
        print("post_build.py: give --dist DIR (or run it from Trunk)", file=sys.stderr)
        return 2
    dist = pathlib.Path(args.dist)
    try:
        run(dist)
    except (BuildError, OSError) as error:
        print(f"post_build.py: {error}", file=sys.stderr)
        return 1
    sw = (dist / SW_NAME).read_text(encoding="utf-8")
    version = re.search(r'"version": "([0-9a-f]+)"', sw)
    size = (dist / SINGLE_FILE_NAME).stat().st_size
    print(
        f"post_build.py: CSP in index.html; {SINGLE_FILE_NAME} ({size} bytes); "
        f"{SW_NAME} (build {version.group(1) if version else '?'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
