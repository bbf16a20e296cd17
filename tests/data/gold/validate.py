#!/usr/bin/env python3
"""Validate the gold toponym annotations in this directory.

Checks: every JSON parses; every mention has the required fields with allowed values;
text[start:end] == surface (offsets are Python str indices into the UTF-8 file);
mentions are sorted and do not overlap; coordinates agree with coordinates.csv
(one coordinate per place); every dev .txt has a .json; seed mentions avoid the page chrome.
Run: python3 tests/data/gold/validate.py   (exit code 0 = OK)
"""
import csv, glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
_SEED_CANDIDATES = [os.environ.get('SEEDS_DIR', ''),
                    os.path.join(HERE, '..', '..', '..', 'seeds'),                 # <repo>/seeds
                    os.path.join(HERE, '..', '..', '..', '..', 'shared', 'seeds')]  # shared/seeds beside the repo
SEEDS = next((d for d in _SEED_CANDIDATES if d and glob.glob(os.path.join(d, '00*_*.txt'))), _SEED_CANDIDATES[-1])
KINDS = {'settlement', 'district', 'region', 'country', 'river', 'other'}
ROLES = {'location', 'actor'}
FIELDS = ['surface', 'start', 'end', 'name', 'kind', 'role', 'lat', 'lon', 'coord_source']
# Seed spans that are page chrome / boilerplate: (text after which annotation starts, text before which it ends)
SEED_ZONES = {
    '000_93ccbc94cf436395': ('24 Aug, 2024 08:41', 'Podcasts'),
    '003_5521c82fc0953d07': (None, 'A Message from The Moscow Times'),
    '004_4ccb4a5811bb1773': (None, 'Loading comments...'),
}

errors = []
def err(msg):
    errors.append(msg)

def load_coords():
    coords = {}
    with open(os.path.join(HERE, 'coordinates.csv'), encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
            lat = float(row['lat']) if row['lat'] else None
            lon = float(row['lon']) if row['lon'] else None
            if (lat is None) != (lon is None):
                err(f"coordinates.csv: {row['name']}: lat/lon must both be set or both empty")
            if (lat is None) != (row['coord_source'] == ''):
                err(f"coordinates.csv: {row['name']}: coord_source must be set exactly when lat/lon are")
            if row['kind'] not in KINDS:
                err(f"coordinates.csv: {row['name']}: bad kind {row['kind']}")
            if row['name'] in coords:
                err(f"coordinates.csv: duplicate {row['name']}")
            coords[row['name']] = (row['kind'], lat, lon, row['coord_source'])
    return coords

def check(text, anns, label, coords, zone=(0, None)):
    if not isinstance(anns, list):
        err(f'{label}: not a JSON array'); return
    lo, hi = zone[0], (len(text) if zone[1] is None else zone[1])
    prev_end = -1
    for i, a in enumerate(anns):
        where = f'{label}[{i}]'
        if list(a) != FIELDS:
            err(f'{where}: fields {list(a)} != {FIELDS}'); continue
        s, e = a['start'], a['end']
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            err(f'{where}: bad offsets {s},{e}'); continue
        if text[s:e] != a['surface']:
            err(f'{where}: text[{s}:{e}]={text[s:e]!r} != {a["surface"]!r}')
        if s < prev_end:
            err(f'{where}: overlaps or out of order (start {s} < previous end {prev_end})')
        prev_end = e
        if not (lo <= s and e <= hi):
            err(f'{where}: mention {a["surface"]!r} lies in excluded page chrome')
        if a['kind'] not in KINDS: err(f'{where}: bad kind {a["kind"]}')
        if a['role'] not in ROLES: err(f'{where}: bad role {a["role"]}')
        c = coords.get(a['name'])
        if c is None:
            err(f'{where}: name {a["name"]!r} missing from coordinates.csv'); continue
        if (a['kind'], a['lat'], a['lon'], a['coord_source']) != c:
            err(f'{where}: {a["name"]!r} kind/coords {(a["kind"], a["lat"], a["lon"], a["coord_source"])} != coordinates.csv {c}')

def main():
    coords = load_coords()
    stats = {'texts': 0, 'mentions': 0, 'location': 0, 'actor': 0, 'names': set()}
    def tally(anns):
        stats['texts'] += 1
        for a in anns:
            stats['mentions'] += 1; stats[a['role']] += 1; stats['names'].add(a['name'])
    # seeds
    seed_jsons = sorted(glob.glob(os.path.join(HERE, 'toponyms', '*.json')))
    if len(seed_jsons) != 5: err(f'expected 5 seed annotation files, found {len(seed_jsons)}')
    for jp in seed_jsons:
        stem = os.path.basename(jp)[:-5]
        tp = os.path.join(SEEDS, stem + '.txt')
        if not os.path.exists(tp):
            err(f'{stem}: seed text not found at {tp}'); continue
        text = open(tp, encoding='utf-8').read()
        z = SEED_ZONES.get(stem, (None, None))
        lo = text.index(z[0]) + len(z[0]) if z[0] else 0
        hi = text.index(z[1]) if z[1] else None
        anns = json.load(open(jp, encoding='utf-8'))
        check(text, anns, 'toponyms/' + stem, coords, (lo, hi)); tally(anns)
    # dev
    txts = sorted(glob.glob(os.path.join(HERE, 'dev', '*.txt')))
    jsons = sorted(glob.glob(os.path.join(HERE, 'dev', '*.json')))
    if [p[:-4] for p in txts] != [p[:-5] for p in jsons]:
        err('dev: .txt and .json files do not pair up')
    for tp in txts:
        stem = os.path.basename(tp)[:-4]
        text = open(tp, encoding='utf-8').read()
        n = len(text.split())
        if not 60 <= n <= 200: err(f'dev/{stem}: {n} words (want 60-200)')
        jp = tp[:-4] + '.json'
        if not os.path.exists(jp): continue
        anns = json.load(open(jp, encoding='utf-8'))
        check(text, anns, 'dev/' + stem, coords); tally(anns)
    used = stats['names']
    unused = set(coords) - used
    if unused: err(f'coordinates.csv has places not used in any annotation: {sorted(unused)}')
    with_coords = sum(1 for n in used if coords.get(n, (None, None))[1] is not None)
    print(f"texts={stats['texts']} mentions={stats['mentions']} (location={stats['location']}, actor={stats['actor']}) "
          f"distinct places={len(used)} with coordinates={with_coords}")
    if errors:
        print(f'{len(errors)} error(s):'); [print('  ' + e) for e in errors]
        return 1
    print('OK')
    return 0

if __name__ == '__main__':
    sys.exit(main())
