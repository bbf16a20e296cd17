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

from kursk_map.errors import KurskMapError, printable
from kursk_map.output import OutputError

__all__ = ["main"]


def places_command(args: argparse.Namespace) -> int:
    """Resolve every place name in articles to coordinates.

    Example: kursk-map places seeds/ --json
    """
    from kursk_map.export import places_table, places_to_json
    from kursk_map.pipeline import places_for

    geocoder = None
    if args.geocoder == "nominatim":
        from kursk_map.places.geocode import NominatimFallback

        geocoder = NominatimFallback(cache_dir=args.cache_dir, user_agent=args.user_agent)
    with _runner(args) as runner:
        batch = places_for(args.paths, runner=runner, geocoder=geocoder)
    _report(batch.notices, batch.failures)
    results, failed = batch.results, bool(batch.failures)
    if geocoder is not None:
        for line in geocoder.report():
            print(printable(f"kursk-map: {line}"), file=sys.stderr)
    if args.json:
        json.dump([places_to_json(shown, r) for shown, r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for shown, r in results:
            sys.stdout.write(places_table(shown, r))
    return 1 if failed else 0


def claims_command(args: argparse.Namespace) -> int:
    """Extract every dated, attributed claim of territorial control from articles.

    A folder's corrections.geojson (hand-made claims and fixes) is applied
    unless --no-corrections; --corrections FILE adds another.

    Example: kursk-map claims seeds/ --json
    """
    from kursk_map.export import claims_to_geojson, claims_to_json, write_claims_csv
    from kursk_map.pipeline import claims_for, corrections_beside

    corrections = [] if args.no_corrections else corrections_beside(args.paths)
    corrections += args.corrections or []
    with _runner(args) as runner:
        batch = claims_for(args.paths, corrections=corrections, runner=runner)
    _report(batch.notices, batch.failures)
    pairs = [(r.path, r) for r in batch.results]
    if args.json:
        json.dump([claims_to_json(shown, r) for shown, r in pairs], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.csv:
        write_claims_csv(sys.stdout, pairs)
    elif args.geojson:
        json.dump(claims_to_geojson(pairs), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for shown, r in pairs:
            date = r.report_date.isoformat() if r.report_date else "date unknown"
            print(printable(f"== {shown} ({r.publisher or 'publisher unknown'}, {date}): {len(r.claims)} claims"))
            for c in r.claims:
                figure = ", ".join(x for x in (
                    f"{c.area_km2:g} km2" if c.area_km2 is not None else "",
                    str(c.settlement_count if c.settlement_count is not None else (c.settlement_text or "")),
                    f"{c.fraction:.0%}" if c.fraction is not None else "") if x)
                as_of = c.as_of.isoformat() if c.as_of else "?"
                print(printable(f"  {c.kind:8} {c.side} {c.action:10} {'; '.join(c.places) or '-':24} {figure:18} "
                                f"as of {as_of}  {' > '.join(c.sources)}{' (hedged)' if c.hedged else ''}"))
    return 1 if batch.failures else 0


def ledger_command(args: argparse.Namespace) -> int:
    """Every settlement the claims name: its claimed status over time (held by UA, held by RU,
    contested), each change with its claim, claimant, source chain, report and quote.

    Example: kursk-map ledger seeds/ --csv > ledger.csv
    """
    from kursk_map.export import ledger_to_json, write_ledger_csv
    from kursk_map.pipeline import claims_for, corrections_beside
    from kursk_map.situation import build_ledger

    corrections = [] if args.no_corrections else corrections_beside(args.paths)
    with _runner(args) as runner:
        batch = claims_for(args.paths, corrections=corrections, runner=runner)
    _report(batch.notices, batch.failures)
    ledger = build_ledger(list(batch.results))
    if args.json:
        json.dump(ledger_to_json(ledger), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.csv:
        write_ledger_csv(sys.stdout, ledger)
    else:
        for place in ledger.places():
            history = ledger.history(place)
            print(printable(f"== {place.name} ({place.district or place.admin1 or place.id}): "
                            f"{history[-1].status} since {ledger.since(place).isoformat()}"))
            for e in history:
                print(printable(f"  {e.when.isoformat()}  {e.status:9} {e.claim.side} {e.claim.action:10} "
                                f"{' > '.join(e.claim.sources)}  ({e.report.path})"))
    return 1 if batch.failures else 0


def _error(message: str) -> None:
    print(f"kursk-map: error: {printable(message)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"kursk-map: warning: {printable(message)}", file=sys.stderr)


def _report(notices, failures) -> None:
    """A batch's notices as warnings, then its failures as errors: one line each."""
    for notice in notices:
        _warn(str(notice))
    for failure in failures:
        _error(str(failure))


def build_command(args: argparse.Namespace) -> int:
    """Build every map from a folder of articles: the main job.

    Writes into OUTPUT_DIR: index.html (report dates, sources, area-over-time chart),
    map-DATE.html per report date, timeline.html, compare-*.html, claims.json,
    claims.csv, claims.geojson, ledger.json, ledger.csv, situation.geojson,
    areas.geojson (and with --png an image per map and comparison).

    Example: kursk-map build seeds/ -o output/ --self-contained --png
    """
    from kursk_map.build import build

    try:
        with _runner(args) as runner:
            result = build(Path(args.seeds_dir), Path(args.output), self_contained=args.self_contained,
                           png=args.png, dpi=args.dpi, force=args.force, runner=runner)
    except OutputError as exc:  # what went wrong with the inputs first, then why nothing was written
        _report(exc.notices, exc.failures)
        raise
    _report(result.notices, result.failures)
    print(printable(f"kursk-map: wrote {len(result.written)} files for {len(result.dates)} report dates to "
                    f"{args.output}"),
          file=sys.stderr)
    return 1 if result.failures else 0


def compare_command(args: argparse.Namespace) -> int:
    """Compare what each side was claimed to hold by two dates, on two synced maps.

    Each side's latest claimed area on or before each date is drawn; the right map adds
    the ground gained and lost between the dates, with km2.

    Example: kursk-map compare 2024-08-27 2024-12-27 seeds/ -o output/compare.html
    """
    import datetime as dt

    from kursk_map.build import compare

    try:
        a, b = dt.date.fromisoformat(args.date_a), dt.date.fromisoformat(args.date_b)
    except ValueError:
        _error(f"dates must be YYYY-MM-DD, not {args.date_a!r} and {args.date_b!r}")
        return 2
    output = Path(args.output) if args.output else Path("output") / f"compare-{a.isoformat()}_{b.isoformat()}.html"
    written, km2, batch = compare(a, b, Path(args.seeds_dir), output, self_contained=args.self_contained,
                                  png=args.png, dpi=args.dpi)
    _report(batch.notices, batch.failures)
    for side, v in sorted(km2.items()):
        print(f"{side}: +{v['gained_km2']:,.0f} km2 gained, -{v['lost_km2']:,.0f} km2 lost")
    print(printable(f"kursk-map: wrote {', '.join(str(p) for p in written)}"), file=sys.stderr)
    return 1 if batch.failures else 0


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
    _scale_options(p)
    p.set_defaults(func=places_command)

    p = sub.add_parser("claims", help="extract claims of territorial control", description=claims_command.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of *.txt articles")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON array, one object per article")
    fmt.add_argument("--csv", action="store_true", help="print one CSV row per claim (for spreadsheets)")
    fmt.add_argument("--geojson", action="store_true", help="print the claims at their places as GeoJSON (for QGIS)")
    p.add_argument("--corrections", type=Path, action="append", metavar="FILE",
                   help="a corrections file (GeoJSON) of hand-made claims and fixes; may be repeated")
    p.add_argument("--no-corrections", action="store_true",
                   help="do not apply the corrections.geojson found in the folders given")
    _scale_options(p)
    p.set_defaults(func=claims_command)

    p = sub.add_parser("ledger", help="every named settlement's claimed status over time",
                       description=ledger_command.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of *.txt articles")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON array, one object per settlement")
    fmt.add_argument("--csv", action="store_true", help="print one CSV row per claim about a settlement")
    p.add_argument("--no-corrections", action="store_true",
                   help="do not apply the corrections.geojson found in the folders given")
    _scale_options(p)
    p.set_defaults(func=ledger_command)

    p = sub.add_parser("build", help="build every map (the main job)", description=build_command.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("seeds_dir", nargs="?", default="seeds", metavar="SEEDS_DIR",
                   help="folder of articles (default: seeds)")
    p.add_argument("-o", "--output", default="output", metavar="OUTPUT_DIR", help="output folder (default: output)")
    p.add_argument("--force", action="store_true",
                   help="build into a folder that holds files kursk-map did not write (they are kept)")
    _embedding_options(p)
    _scale_options(p)
    p.set_defaults(func=build_command)

    p = sub.add_parser("compare", help="compare claimed control at two dates", description=compare_command.__doc__,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("date_a", metavar="DATE_A", help="the earlier date, YYYY-MM-DD")
    p.add_argument("date_b", metavar="DATE_B", help="the later date, YYYY-MM-DD")
    p.add_argument("seeds_dir", nargs="?", default="seeds", metavar="SEEDS_DIR",
                   help="folder of articles (default: seeds)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="the HTML file to write (default: output/compare-DATE_A_DATE_B.html)")
    _embedding_options(p)
    p.set_defaults(func=compare_command)
    return parser


def _scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=_whole_number(1, 256), default=1, metavar="N",
                   help="read and extract articles in N processes (default: 1; the output is the same)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the per-article work on a Dask cluster: its scheduler's address "
                        "(tcp://host:8786), or 'local' for a cluster of --workers processes on this machine")


def _runner(args: argparse.Namespace):
    """The runner --workers and --scheduler ask for (a context manager that shuts it down)."""
    from kursk_map.runners import RunnerError, runner_for

    try:
        return runner_for(args.workers if args.scheduler or args.workers > 1 else None, args.scheduler)
    except RunnerError as exc:
        raise KurskMapError(str(exc)) from None


def _embedding_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--self-contained", action="store_true",
                   help="inline every script and stylesheet so each page opens with no network")
    p.add_argument("--png", action="store_true", help="also write a static image of each map and comparison")
    p.add_argument("--dpi", type=_whole_number(72, 600), default=200, metavar="N",
                   help="resolution of the images, dots per inch (default: 200; 72-600)")


def _whole_number(lo: int, hi: int):
    """An argparse type: a whole number from ``lo`` to ``hi``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is outside {lo}-{hi}")
        return value
    return parse


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "geocoder", "none") != "none" and (args.workers > 1 or args.scheduler):
        parser.error("--geocoder runs in one process: it cannot be combined with --workers or --scheduler")
    try:
        return args.func(args)
    except KurskMapError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
