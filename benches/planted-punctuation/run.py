#!/usr/bin/env python3
"""Run both binaries (sequentially) over every plant directory and over the unplanted corpora.
Output: out/<binary>/<dirname>.json ; out/<binary>/orig_<corpus>.json"""
import os, subprocess, sys, time
ROOT = os.environ.get('PLANTED_DIR', '/tmp/planted-punctuation')
SHARED = os.environ.get('SHARED', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared'))
BINS = {'base': os.environ['GOVLINT_BASE'], 'new': os.environ.get('GOVLINT', 'target/release/govlint')}
FLAGS = ['--format', 'json', '--dup-scope', 'file', '--isolated', '--exit-zero']
targets = [('orig_gov', SHARED + '/corpus/gov'), ('orig_lawref', SHARED + '/corpus/lawref')]
pd = os.path.join(ROOT, 'plants')
for d in sorted(os.listdir(pd)):
    if os.path.isdir(os.path.join(pd, d)):
        targets.append((d, os.path.join(pd, d)))
for b, exe in BINS.items():
    od = os.path.join(ROOT, 'out', b)
    os.makedirs(od, exist_ok=True)
    for name, path in targets:
        t = time.time()
        with open(os.path.join(od, name + '.json'), 'w') as fh:
            r = subprocess.run([exe, 'check', path] + FLAGS, stdout=fh, stderr=subprocess.PIPE)
        print(b, name, r.returncode, f'{time.time()-t:.1f}s', r.stderr.decode()[:200], flush=True)
