"""Command line: a thin layer over the library that turns errors into exit codes.

Exit status: 0 when every file was processed, 1 when any input file failed
(each failure is one line on stderr naming the file and the reason; the other
files are still processed), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kursk_map.articles import article_paths, read_article
from kursk_map.errors import InputError, KurskMapError

__all__ = ["main"]


def places_command(args: argparse.Namespace) -> int:
    """Resolve every place name in articles to coordinates.

    Example: kursk-map places seeds/ --json
    """
    from kursk_map.export import places_to_json, places_table
    from kursk_map.gazetteer import load_gazetteer
    from kursk_map.places import geoparse

    geocoder = None
    if args.geocoder == "nominatim":
        from kursk_map.geocode import NominatimFallback

        geocoder = NominatimFallback(cache_dir=args.cache_dir, user_agent=args.user_agent)
    gazetteer = load_gazetteer()
    results, failed = [], False
    for path in _expand(args.paths):
        try:
            article = read_article(path)
        except InputError as exc:
            _error(str(exc))
            failed = True
            continue
        results.append((path, geoparse(article, gazetteer, geocoder=geocoder)))
    if geocoder is not None:
        for line in geocoder.report():
            print(f"kursk-map: {line}", file=sys.stderr)
    if args.json:
        json.dump([places_to_json(shown, r) for shown, r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for shown, r in results:
            sys.stdout.write(places_table(shown, r))
    return 1 if failed else 0


def _expand(paths: list[str]) -> list[str]:
    """Files as given, folders as their articles; the shown path keeps the user's spelling."""
    out = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out.extend(str(p / child.name) if not given.endswith("/") else given + child.name
                       for child in article_paths(p))
        else:
            out.append(given)
    return out


def _error(message: str) -> None:
    print(f"kursk-map: error: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk-map",
        description="Turn news reports about the Kursk incursion into sourced situation maps.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("places", help="resolve place names in articles", description=places_command.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of *.txt articles")
    p.add_argument("--json", action="store_true", help="print one JSON array, one object per article")
    p.add_argument("--geocoder", choices=("none", "nominatim"), default="none",
                   help="look up names the gazetteer lacks online (opt-in; default: none, fully offline)")
    p.add_argument("--cache-dir", type=Path, default=Path(".cache/geocoder"),
                   help="where online geocoder answers are cached (default: .cache/geocoder)")
    p.add_argument("--user-agent", default="kursk-map/0.1 (https://github.com/kursk-map)",
                   help="user agent sent to Nominatim (its usage policy requires a real one)")
    p.set_defaults(func=places_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KurskMapError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
