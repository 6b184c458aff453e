#!/usr/bin/env python3
"""Builds the text corpus PieceWeightsCalibration fits piece-weights.txt on, and the small test snapshot.

    python3 token-corpus.py DIR               # DIR/kinds/<kind>.txt, up to 3M characters per kind
    python3 token-corpus.py DIR --snapshot F  # also F (token-corpora.txt.gz): ~40k characters of permissively
                                              # licensed text per kind, for TokenEstimatorTest and PieceWeightsTest

Needs (all offline or from Debian and npm, fetched into DIR): a JDK 25 (lib/src.zip), /usr/include, Python 3.11's
standard library, node and npm (Node.js's Markdown docs in /usr/share/doc/nodejs, npm's own JavaScript), msgunfmt
(gettext) and the packages below. Documents are shuffled with a fixed seed, so the kinds are reproducible for the
same package versions.
"""
import glob, gzip, html.parser, json, os, random, re, subprocess, sys, zipfile

DEBS = ['manpages-ru', 'manpages-zh', 'manpages-ja', 'manpages-de', 'manpages-fr', 'manpages-es', 'manpages-pl',
        'manpages-tr', 'manpages-uk', 'debian-reference-en', 'debian-reference-zh-cn', 'debian-reference-ja',
        'debian-reference-de', 'debian-reference-fr', 'debian-reference-es', 'debian-reference-it',
        'debian-reference-id', 'fortunes-ru']
NPMS = ['typescript@5.9.3', '@types/node@26.6.6', '@mdn/browser-compat-data@8.1.9', 'rxjs@7.8.2']
CAP = 3_000_000
SNAPSHOT_CHARS = 40_000


def fetch(root):
    deb, npm = f'{root}/deb', f'{root}/npm'
    if not os.path.isdir(f'{deb}/x'):
        os.makedirs(deb, exist_ok=True)
        subprocess.run(['apt-get', 'download', *DEBS], cwd=deb, check=True)
        for f in glob.glob(f'{deb}/*.deb'):
            subprocess.run(['dpkg-deb', '-x', f, f'{deb}/x'], check=True)
    if not os.path.isdir(npm):
        os.makedirs(npm)
        subprocess.run(['npm', 'pack', *NPMS], cwd=npm, check=True)
        for f in glob.glob(f'{npm}/*.tgz'):
            d = f'{npm}/' + re.sub(r'-[0-9][^-]*\.tgz$', '', os.path.basename(f))
            os.makedirs(d, exist_ok=True)
            subprocess.run(['tar', 'xzf', f, '-C', d], check=True)
    return f'{deb}/x/usr/share', npm


def read(p):
    with (gzip.open if p.endswith('.gz') else open)(p, 'rb') as f:
        return f.read().decode('utf-8', 'replace')


def files(pattern):
    return sorted(glob.glob(pattern, recursive=True))


class Strip(html.parser.HTMLParser):
    BLOCKS = ('p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'pre', 'table', 'dt', 'dd')

    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ('script', 'style')
        if tag in self.BLOCKS:
            self.out.append('\n')

    def handle_endtag(self, tag):
        self.skip -= tag in ('script', 'style')
        if tag in self.BLOCKS:
            self.out.append('\n')

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def html_text(p):
    s = Strip()
    s.feed(read(p))
    return re.sub(r'[ \t]*\n[ \t]*\n\s*', '\n\n', ''.join(s.out))


def troff_text(p):
    names = {'em': '—', 'en': '–', 'lq': '“', 'rq': '”', 'aq': "'", 'dq': '"', 'bu': '•', 'co': '©'}
    out = []
    for line in read(p).splitlines():
        if line.startswith(("'\\\"", '.\\"', "'")):
            continue
        if line.startswith('.'):
            m = re.match(r'\.(B|I|BI|BR|IR|RB|RI|IB|SH|SS|TP|IP|HP|UR|MT)\s+(.*)', line)
            if not m:
                if re.match(r'\.(PP|LP|P|sp|br)\b', line):
                    out.append('')
                continue
            line = m.group(2).replace('"', '')
        line = re.sub(r'\\f(\[[A-Z]*\]|[A-Z0-9])', '', line)
        line = re.sub(r'\\\((\w\w)', lambda m: names.get(m.group(1), ''), line)
        line = re.sub(r'\\\[(\w+)\]', '', line)
        for a, b in (('\\-', '-'), ('\\&', ''), ('\\e', '\\'), ('\\ ', ' '), ('\\|', ''), ('\\^', '')):
            line = line.replace(a, b)
        out.append(line)
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(out))


def mo_text(lang):
    out = []
    for p in files(f'/usr/share/locale/{lang}/LC_MESSAGES/*.mo'):
        if 'iso_' in p:
            continue
        po = subprocess.run(['msgunfmt', p], capture_output=True).stdout.decode('utf-8', 'replace')
        strs = [s.replace('\\n', '\n').replace('\\"', '"').replace('\\t', '\t')
                for s in re.findall(r'^msgstr(?:\[\d\])? "(.*)"', po, re.M)]
        out += ['\n'.join(strs[i:i + 30]) for i in range(0, len(strs), 30)]
    return out


def kinds(share, npm):
    def dref(lang): return [html_text(p) for p in files(f'{share}/debian-reference/*.{lang}.html')]
    def man(lang): return [troff_text(p) for p in files(f'{share}/man/{lang}/**/*.gz')]

    def diag(lang):
        d = json.loads(read(f'{npm}/typescript/package/lib/{lang}/diagnosticMessages.generated.json'))
        vals = list(d.values())
        return ['\n'.join(vals[i:i + 40]) for i in range(0, len(vals), 40)]

    def fortunes(p): return re.split(r'\n%\n', read(p))

    with zipfile.ZipFile(glob.glob('/usr/lib/jvm/*25*/lib/src.zip')[0]) as z:
        java = [z.read(n).decode('utf-8', 'replace') for n in z.namelist() if n.endswith('.java') and n.split('/')[0]
                in ('java.base', 'java.net.http', 'java.sql', 'jdk.compiler', 'java.desktop')]
    bcd = json.loads(read(f'{npm}/mdn-browser-compat-data/package/data.json'))
    tops = [top for top in bcd.values() if isinstance(top, dict)]
    pretty = [json.dumps({k: v}, indent=2, ensure_ascii=False) for top in tops for k, v in list(top.items())[:40]]
    compact = [json.dumps({k: v}, separators=(',', ':'), ensure_ascii=False)
               for top in tops for k, v in list(top.items())[40:80]]
    manifests = [read(p) for p in files('/usr/lib/node_modules/npm/node_modules/*/package.json')]
    ru_fortunes = ['\n\n'.join(fortunes(p)[i:i + 20]) for p in files(f'{share}/games/fortunes/ru/*')
                   if not p.endswith('.dat') for i in range(0, 2000, 20)]
    yield 'java', java
    yield 'c', [read(p) for p in files('/usr/include/**/*.h')]
    yield 'python', [read(p) for p in files('/usr/lib/python3.11/**/*.py')]
    yield 'typescript', [read(p) for p in files(f'{npm}/rxjs/package/src/**/*.ts')
                         + files(f'{npm}/types-node/package/**/*.d.ts') + files(f'{npm}/typescript/package/lib/lib.*.d.ts')]
    yield 'javascript', [read(p) for p in files('/usr/lib/node_modules/npm/lib/**/*.js')
                         + files('/usr/lib/node_modules/npm/node_modules/**/lib/**/*.js')]
    yield 'markdown', [read(p) for p in files('/usr/share/doc/nodejs/**/*.md') + files('/usr/lib/node_modules/npm/docs/**/*.md')]
    yield 'json', pretty + compact + manifests
    yield 'en', dref('en') + [read(p) for p in files('/usr/share/common-licenses/*')]
    yield 'zh', dref('zh-cn') + man('zh_CN') + diag('zh-cn')
    yield 'ja', dref('ja') + man('ja') + diag('ja')
    yield 'ko', diag('ko')
    yield 'ru', man('ru') + diag('ru') + ru_fortunes
    yield 'uk', man('uk')
    yield 'de', dref('de') + man('de')
    yield 'fr', dref('fr') + man('fr') + diag('fr')
    yield 'es', dref('es') + man('es') + diag('es')
    yield 'it', dref('it') + diag('it')
    yield 'pl', man('pl') + diag('pl')
    yield 'tr', man('tr') + diag('tr')
    yield 'cs', diag('cs')
    yield 'id', dref('id')
    for lang in ('ar', 'he', 'el', 'hi', 'th', 'ko', 'vi', 'fa', 'bn', 'ka', 'hy'):
        yield 'ui-' + lang, mo_text(lang)
    r = random.Random(5)
    data = bytes(r.getrandbits(8) for _ in range(120_000))
    b64 = __import__('base64').b64encode(data).decode()
    yield 'x-b64', ['\n'.join(b64[i:i + 76] for i in range(0, len(b64), 76))]
    yield 'x-hex', ['\n'.join(data[i:i + 32].hex() for i in range(0, len(data), 32))]


def join(docs, cap):
    random.Random(42).shuffle(docs)
    buf, n = [], 0
    for d in docs:
        d = '\n'.join(l for l in d.strip('\n').split('\n') if '\ufffd' not in l)
        if len(d) < 200:
            continue
        buf.append(d)
        n += len(d) + 2
        if n > cap:
            break
    return '\n\n'.join(buf)


def snapshot(share, npm, path):
    """Permissively licensed text only: PSF, Apache-2.0, MIT, CC0 and the GNU licences' own (verbatim) text."""
    def diag(lang):
        d = json.loads(read(f'{npm}/typescript/package/lib/{lang}/diagnosticMessages.generated.json'))
        return ['\n'.join(list(d.values())[i:i + 40]) for i in range(0, len(d), 40)]
    bcd = json.loads(read(f'{npm}/mdn-browser-compat-data/package/data.json'))
    kinds = {
        'python (Python standard library, PSF licence)': [read(p) for p in files('/usr/lib/python3.11/**/*.py')],
        'typescript (TypeScript lib and rxjs, Apache-2.0)': [read(p) for p in files(f'{npm}/typescript/package/lib/lib.*.d.ts')
                                                             + files(f'{npm}/rxjs/package/src/**/*.ts')],
        'c (OpenSSL headers, Apache-2.0)': [read(p) for p in files('/usr/include/openssl/*.h')],
        'json (MDN browser-compat-data, CC0)': [json.dumps({k: v}, indent=2, ensure_ascii=False)
                                                for top in bcd.values() if isinstance(top, dict) for k, v in top.items()],
        'markdown (Node.js docs, MIT)': [read(p) for p in files('/usr/share/doc/nodejs/**/*.md')],
        'english (GPL-3, Apache-2.0 and MPL-2.0 licence texts)': [read(f'/usr/share/common-licenses/{n}')
                                                                  for n in ('GPL-3', 'Apache-2.0', 'MPL-2.0')],
    }
    for lang, name in (('zh-cn', 'chinese'), ('ja', 'japanese'), ('ko', 'korean'), ('ru', 'russian'),
                       ('de', 'german'), ('pl', 'polish'), ('tr', 'turkish')):
        kinds[f'{name} (TypeScript messages, Apache-2.0)'] = diag(lang)
    with gzip.open(path, 'wt', encoding='utf-8') as out:
        for name, docs in kinds.items():
            chars = SNAPSHOT_CHARS // 2 if name.split()[0] in ('chinese', 'japanese', 'korean') else SNAPSHOT_CHARS
            out.write(f'=== {name}\n{join(docs, chars)[:chars]}\n')


def main():
    root = sys.argv[1]
    share, npm = fetch(root)
    os.makedirs(f'{root}/kinds', exist_ok=True)
    for kind, docs in kinds(share, npm):
        text = join(docs, CAP)
        with open(f'{root}/kinds/{kind}.txt', 'w', encoding='utf-8') as f:
            f.write(text)
        print(kind, len(text))
    if '--snapshot' in sys.argv:
        snapshot(share, npm, sys.argv[sys.argv.index('--snapshot') + 1])


if __name__ == '__main__':
    main()
