#!/usr/bin/env python3
"""Plant one fault per file copy into real text (gov corpus, lawref corpus).

Writes plants/<kind>__<corpus>/NNNN__<flattened-original-name> plus plants/manifest.jsonl
(one record per plant: kind, sub, corpus, plant path, original path, 1-based line,
excerpt of the planted line).  Line count of every file is unchanged by every plant,
so line numbers of the planted copy and of the original are comparable.

Seed: random.Random(20250614); at most CAP plants per original file per kind.
"""
import json, os, random, re, shutil, sys

SEED = 20250614
N = 300
CAP = 3
ROOT = os.environ.get('PLANTED_DIR', '/tmp/planted-punctuation')
SHARED = os.environ.get('SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared'))
CORPORA = {
    'gov': SHARED + '/corpus/gov',
    'lawref': SHARED + '/corpus/lawref',
}

HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff]')
NUM = '零〇一二三四五六七八九十百千两0-9０-９'
ART = re.compile(r'第[' + NUM + r']+条(之[' + NUM + r']+)?')
STOPS = '。！？'


def is_han(c):
    return bool(HAN.fullmatch(c))


def files_of(corpus):
    out = []
    for dp, dn, fn in os.walk(CORPORA[corpus]):
        dn.sort()
        for f in sorted(fn):
            if f.endswith(('.txt', '.md')) and f != 'PROVENANCE.md':
                out.append(os.path.join(dp, f))
    return out


def paragraphs(lines, corpus):
    """List of paragraphs as lists of line indices (0-based). txt: one line each;
    md: blocks separated by blank lines (skipping HTML comment lines)."""
    paras = []
    if corpus == 'gov':
        return [[i] for i, l in enumerate(lines) if l.strip()]
    cur = []
    for i, l in enumerate(lines):
        if not l.strip():
            if cur:
                paras.append(cur)
            cur = []
        else:
            cur.append(i)
    if cur:
        paras.append(cur)
    return paras


def quote_balanced(s):
    """True if the “” marks of s alternate “ ” “ ” ... and there is at least one pair."""
    seq = [c for c in s if c in '“”']
    if not seq or len(seq) % 2:
        return False
    return all(c == ('“' if k % 2 == 0 else '”') for k, c in enumerate(seq))


def bracket_balanced(s):
    depth = 0
    seen = False
    for c in s:
        if c in '（(':
            depth += 1
            seen = True
        elif c in '）)':
            depth -= 1
            if depth < 0:
                return False
    return seen and depth == 0 and '（' in s and '）' in s


def sentences(line, ends, bounds='。！？；：'):
    """Yield (start, end_exclusive) of sentences ending at a char in `ends`;
    boundaries are `bounds` (+ends) and paragraph start; leading whitespace stripped."""
    bounds = set(bounds) | set(ends)
    start = 0
    for i, c in enumerate(line):
        if c in bounds:
            s = start
            while s < i and line[s] in ' \u3000\u00a0\t\u200b':
                s += 1
            if c in ends:
                yield s, i + 1
            start = i + 1


def candidates(corpus, kind, path, lines):
    """Yield (line_idx, new_line, sub) for every possible plant of `kind` in the file."""
    paras = paragraphs(lines, corpus)
    for pi, para in enumerate(paras):
        for li in para:
            line = lines[li]
            if kind in ('quote-deleted-close', 'quote-deleted-open', 'quote-deleted-close-multipara'):
                ptext = ''.join(lines[j] for j in para)
                if not quote_balanced(ptext) or not quote_balanced(line):
                    continue
                if kind == 'quote-deleted-open':
                    for i, c in enumerate(line):
                        if c == '“':
                            yield li, line[:i] + line[i + 1:], 'any-open'
                elif kind == 'quote-deleted-close':
                    for i, c in enumerate(line):
                        if c == '”':
                            yield li, line[:i] + line[i + 1:], 'any-close'
                else:
                    # later paragraph (within 3) containing a closing mark
                    later = [paras[pj] for pj in range(pi + 1, min(pi + 4, len(paras)))]
                    if not any('”' in lines[j] for p in later for j in p):
                        continue
                    if li != para[-1]:
                        continue
                    # delete the last closing mark (adversarial: leaves an opening mark as the
                    # paragraph's last quote mark) -> sub 'last-close'; also any other close
                    last = line.rfind('”')
                    yield li, line[:last] + line[last + 1:], 'last-close'
            elif kind == 'bracket-deleted':
                ptext = ''.join(lines[j] for j in para)
                if not bracket_balanced(ptext) or not bracket_balanced(line):
                    continue
                for i, c in enumerate(line):
                    if c == '（':
                        yield li, line[:i] + line[i + 1:], 'open'
                    elif c == '）':
                        yield li, line[:i] + line[i + 1:], 'close'
            elif kind == 'bracket-deleted-close-multipara':
                ptext = ''.join(lines[j] for j in para)
                if not bracket_balanced(ptext) or not bracket_balanced(line) or li != para[-1]:
                    continue
                later = [paras[pj] for pj in range(pi + 1, min(pi + 11, len(paras)))]
                if not any(('）' in lines[j] or ')' in lines[j]) for p in later for j in p):
                    continue
                last = line.rfind('）')
                yield li, line[:last] + line[last + 1:], 'last-close'
            elif kind == 'space-inserted':
                if len(line.strip()) < 15 or not any(c in line for c in '，。；'):
                    continue
                lead = len(line) - len(line.lstrip(' \u3000\u00a0\t\u200b'))
                art_ends = {}
                for m in ART.finditer(line):
                    art_ends[m.end()] = m
                for i in range(lead + 2, len(line)):
                    a, b = line[i - 1], line[i]
                    if not (is_han(a) and is_han(b)):
                        continue
                    new = line[:i] + ' ' + line[i:]
                    if i in art_ends:
                        m = art_ends[i]
                        prev = line[:m.start()].rstrip(' \u3000')
                        if m.start() <= lead:
                            continue  # article number at paragraph start: legit layout
                        if m.group(1):
                            sub = 'after-art-zhiyi-midsentence' if prev and prev[-1] not in STOPS + '；：' else 'after-art-zhiyi-after-stop'
                        elif prev and prev[-1] in STOPS:
                            sub = 'after-art-after-stop'
                        else:
                            sub = 'after-art-midsentence'
                        yield li, new, sub
                    else:
                        # skip positions inside an article token (第 三十 条) -> they are ordinary
                        yield li, new, 'han-han'
            elif kind == 'sentence-doubled':
                # whole sentence: from the previous 。！？ (or paragraph start) to 。
                for s, e in sentences(line, '。', bounds='。！？'):
                    sent = line[s:e]
                    core = re.sub(r'[\s\u3000\u00a0，。、；：“”（）《》]', '', sent)
                    if len(core) < 10:
                        continue
                    sub = 'starts-art' if ART.match(sent) else ('contains-semicolon' if '；' in sent else 'plain')
                    yield li, line[:e] + sent + line[e:], sub
            elif kind == 'tail-doubled':
                # the last clause of a sentence, after its last ；or：, doubled right after the sentence
                for s, e in sentences(line, '。', bounds='。！？'):
                    sent = line[s:e]
                    k = max(sent.rfind('；'), sent.rfind('：'))
                    if k < 0:
                        continue
                    tail = sent[k + 1:].lstrip(' \u3000')
                    core = re.sub(r'[\s\u3000\u00a0，。、；：“”（）《》]', '', tail)
                    if len(core) < 10:
                        continue
                    yield li, line[:e] + tail + line[e:], 'after-' + ('semicolon' if sent[k] == '；' else 'colon')
            elif kind == 'clause-doubled-semicolon':
                for s, e in sentences(line, '；'):
                    sent = line[s:e]
                    core = re.sub(r'[\s\u3000\u00a0，。、；：“”（）《》]', '', sent)
                    if len(core) < 10:
                        continue
                    yield li, line[:e] + sent + line[e:], 'clause'


KINDS = ['quote-deleted-close', 'quote-deleted-open', 'quote-deleted-close-multipara',
         'bracket-deleted', 'bracket-deleted-close-multipara', 'space-inserted',
         'sentence-doubled', 'tail-doubled', 'clause-doubled-semicolon']

# space-inserted: stratify so the article sub-kinds are represented
SPACE_QUOTA = {'han-han': 230, 'after-art-midsentence': 70, 'after-art-zhiyi-midsentence': 15,
               'after-art-after-stop': 15}


def pick(cands, rng, n, cap):
    rng.shuffle(cands)
    per = {}
    out = []
    used_sites = set()
    for c in cands:
        f = c[0]
        if per.get(f, 0) >= cap:
            continue
        site = (c[0], c[1])
        if site in used_sites:  # at most one plant per line
            continue
        per[f] = per.get(f, 0) + 1
        used_sites.add(site)
        out.append(c)
        if len(out) >= n:
            break
    return out


def main():
    rng = random.Random(SEED)
    pdir = os.path.join(ROOT, 'plants')
    if os.path.exists(pdir):
        shutil.rmtree(pdir)
    os.makedirs(pdir)
    man = open(os.path.join(pdir, 'manifest.jsonl'), 'w')
    stats = []
    for corpus in CORPORA:
        flist = files_of(corpus)
        texts = {}
        for p in flist:
            with open(p, encoding='utf-8', newline='') as fh:
                texts[p] = fh.read()
        for kind in KINDS:
            allc = []
            for p in flist:
                lines = texts[p].split('\n')
                for li, new, sub in candidates(corpus, kind, p, lines):
                    allc.append((p, li, new, sub))
            if kind == 'space-inserted':
                chosen = []
                for sub, q in SPACE_QUOTA.items():
                    sc = [c for c in allc if c[3] == sub]
                    chosen += pick(sc, rng, q, CAP)
                nsub = {s: sum(1 for c in allc if c[3] == s) for s in SPACE_QUOTA}
            else:
                chosen = pick(allc, rng, N, CAP)
                nsub = {}
            stats.append((corpus, kind, len(allc), len(chosen), nsub))
            if not chosen:
                continue
            kd = os.path.join(pdir, f'{kind}__{corpus}')
            os.makedirs(kd)
            for k, (p, li, new, sub) in enumerate(chosen):
                lines = texts[p].split('\n')
                old = lines[li]
                lines[li] = new
                ext = os.path.splitext(p)[1]
                out = os.path.join(kd, f'{k:04d}{ext}')
                with open(out, 'w', encoding='utf-8', newline='') as fh:
                    fh.write('\n'.join(lines))
                man.write(json.dumps({'kind': kind, 'sub': sub, 'corpus': corpus, 'plant': out,
                                      'orig': p, 'line': li + 1, 'old': old, 'new': new},
                                     ensure_ascii=False) + '\n')
    man.close()
    for s in stats:
        print(*s, sep='\t')


if __name__ == '__main__':
    main()
