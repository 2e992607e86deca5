"""Copy the specimen images of manifest.yaml out of fetched mirrors into .cache/specimens/files/.

Usage: python bench/specimens/materialise.py [--mirrors DIR]

Each file is read from its repository's bare mirror at the manifest's commit (`git show commit:path`),
its sha256 checked, and written under .cache/specimens/files/<owner>+<name>/<path>. A PDF page item is
the source PDF (checked) rendered to PNG at 150 dpi. A repository whose mirror is absent is skipped with
one message saying how to get it; nothing here touches the network.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path(__file__).resolve().parent / "manifest.yaml"
OUT = ROOT / ".cache" / "specimens" / "files"
DEFAULT_MIRRORS = Path(os.environ.get("SPECIMEN_MIRRORS", "/work/.mirror"))
RENDER_DPI = 150


@dataclass
class Materialised:
    files: dict[str, Path] = field(default_factory=dict)  # item id -> local file
    missing_repos: dict[str, int] = field(default_factory=dict)  # repository -> items skipped
    bad: dict[str, str] = field(default_factory=dict)  # item id -> what went wrong


def load_manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))


def mirror_of(repo: str, mirrors: Path) -> Path | None:
    """The bare git directory of a fetched repository: <mirrors>/<owner>+<name>/repo (or the folder itself)."""
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo", base, base.with_suffix(".git")):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def local_path(item: dict) -> Path:
    path = OUT / item["repo"].replace("/", "+") / item["path"]
    if "page" in item:
        path = path.with_name(f"{path.name}.page{item['page']}.png")
    return path


def _render_page(pdf: bytes, page: int, target: Path) -> None:
    import pypdfium2 as pdfium  # in the product's environment

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page - 1].render(scale=RENDER_DPI / 72).to_pil()
        image.save(target, format="PNG", dpi=(RENDER_DPI, RENDER_DPI))
    finally:
        document.close()


def materialise(mirrors: Path = DEFAULT_MIRRORS, quiet: bool = False) -> Materialised:
    manifest = load_manifest()
    done = Materialised()
    gits: dict[str, Path | None] = {}
    for item in manifest["items"]:
        repo = item["repo"]
        if repo not in gits:
            gits[repo] = mirror_of(repo, mirrors)
        git = gits[repo]
        if git is None:
            done.missing_repos[repo] = done.missing_repos.get(repo, 0) + 1
            continue
        target = local_path(item)
        source = target if "page" not in item else target.with_name(Path(item["path"]).name)
        if not (source.is_file() and hashlib.sha256(source.read_bytes()).hexdigest() == item["sha256"]):
            shown = subprocess.run(["git", "--git-dir", str(git), "show", f"{item['commit']}:{item['path']}"],
                                   capture_output=True)
            if shown.returncode != 0:
                done.bad[item["id"]] = f"not in the mirror at {item['commit'][:12]}: {shown.stderr.decode().strip()}"
                continue
            if hashlib.sha256(shown.stdout).hexdigest() != item["sha256"]:
                done.bad[item["id"]] = "sha256 differs from the manifest's"
                continue
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(shown.stdout)
        if "page" in item and not target.is_file():
            _render_page(source.read_bytes(), item["page"], target)
        done.files[item["id"]] = target
    if not quiet:
        report(done, len(manifest["items"]), mirrors)
    return done


def report(done: Materialised, total: int, mirrors: Path) -> None:
    print(f"specimens: {len(done.files)} of {total} images in {OUT.relative_to(ROOT)}")
    for repo, count in sorted(done.missing_repos.items()):
        print(f"  skipped {count} image(s) of {repo}: no mirror under {mirrors}/{repo.replace('/', '+')}/ - "
              f"fetch it (search tool: fetch github:{repo}), or "
              f"`git clone --bare https://github.com/{repo} {mirrors}/{repo.replace('/', '+')}/repo`")
    for item_id, why in sorted(done.bad.items()):
        print(f"  not materialised: {item_id}: {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS, help="folder of fetched mirrors")
    args = parser.parse_args()
    done = materialise(args.mirrors)
    sys.exit(1 if done.bad else 0)


if __name__ == "__main__":
    main()
