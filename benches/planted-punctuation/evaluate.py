#!/usr/bin/env python3
"""Score plants: FOUND = a finding of the kind's rules on the planted line whose (rule, line)
count exceeds the count on the same line of the unplanted original (same binary).
Writes results.jsonl and prints the tables."""
import json, os, collections
ROOT = os.environ.get('PLANTED_DIR', '/tmp/planted-punctuation')
RULES = {
    'quote': {'unbalanced-quote', 'multi-paragraph-quote'},
    'bracket': {'unbalanced-bracket'},
    'space': {'cjk-space'},
    'sentence': {'duplicate-sentence'},
    'clause': {'duplicate-sentence'},
    'tail': {'duplicate-sentence'},
}
def rules_of(kind):
    return RULES[kind.split('-')[0]]

def load(b, name):
    d = json.load(open(os.path.join(ROOT, 'out', b, name + '.json')))
    by = collections.defaultdict(list)
    for x in d['diagnostics']:
        by[os.path.abspath(x['path'])].append(x)
    return by

man = [json.loads(l) for l in open(os.path.join(ROOT, 'plants', 'manifest.jsonl'))]
F = {}
for b in ('base', 'new'):
    F[b] = {}
    for c in ('gov', 'lawref'):
        F[b]['orig_' + c] = load(b, 'orig_' + c)
    for d in sorted(set(os.path.basename(os.path.dirname(m['plant'])) for m in man)):
        F[b][d] = load(b, d)

def cnt(diags, rules, line=None):
    c = collections.Counter()
    for x in diags:
        if x['rule'] in rules and (line is None or x['line'] == line):
            c[(x['rule'], x['severity'], x['line'] if line is None else 0)] += 1
    return c

res = []
for m in man:
    rules = rules_of(m['kind'])
    d = os.path.basename(os.path.dirname(m['plant']))
    r = dict(m)
    for b in ('base', 'new'):
        pl = F[b][d].get(os.path.abspath(m['plant']), [])
        og = F[b]['orig_' + m['corpus']].get(os.path.abspath(m['orig']), [])
        inc = cnt(pl, rules, m['line']) - cnt(og, rules, m['line'])
        r[b + '_found'] = bool(inc)
        r[b + '_err'] = any(k[1] == 'error' for k in inc)
        r[b + '_warn_only'] = bool(inc) and not r[b + '_err']
        r[b + '_rules'] = sorted(set(f'{k[0]}:{k[1]}' for k in inc))
        anyw = cnt(pl, rules) - cnt(og, rules)
        r[b + '_anywhere'] = bool(anyw)
        r[b + '_anywhere_detail'] = sorted(f'{k[0]}:{k[1]}@{k[2]}' for k in anyw)
    res.append(r)
with open(os.path.join(ROOT, 'results.jsonl'), 'w') as fh:
    for r in res:
        fh.write(json.dumps(r, ensure_ascii=False) + '\n')

def table(keyf, title):
    print(f'\n## {title}')
    print('| kind | corpus | planted | base found | new found | new as error | new as warning only | lost (base yes, new no) | gained | new found anywhere in file |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    g = collections.defaultdict(list)
    for r in res:
        g[keyf(r)].append(r)
    for k in sorted(g):
        rs = g[k]
        n = len(rs)
        bf = sum(r['base_found'] for r in rs); nf = sum(r['new_found'] for r in rs)
        ne = sum(r['new_err'] for r in rs); nw = sum(r['new_warn_only'] for r in rs)
        lost = sum(r['base_found'] and not r['new_found'] for r in rs)
        gain = sum(r['new_found'] and not r['base_found'] for r in rs)
        na = sum(r['new_anywhere'] for r in rs)
        print(f'| {k[0]} | {k[1]} | {n} | {bf} ({100*bf/n:.1f}%) | {nf} ({100*nf/n:.1f}%) | {ne} | {nw} | {lost} | {gain} | {na} |')
table(lambda r: (r['kind'], r['corpus']), 'by kind x corpus')
table(lambda r: (r['kind'] + '/' + r['sub'], r['corpus']), 'by kind/sub-kind x corpus')
