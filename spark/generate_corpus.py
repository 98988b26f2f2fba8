"""A synthetic archive of N paragraphs for govlint's scale runs, built from real sentences.

    python spark/generate_corpus.py N OUT_DIR [--seed S]

Sentences are the real corpus's (../shared/corpus/gov and lawref) paragraphs split after
。；！？, without a leading article number or enumerator (第三条, （二）, 一、: else govlint
judges every generated article a statute and sets its repeats aside as parallel provisions);
each generated paragraph draws 2-6 of them (the real multiset: frequent sentences stay
frequent). Articles have a title line and 20-40 paragraphs, paragraphs separated by blank
lines, about 8% of them short headings (not duplicate units). Planted, per paragraph or article:

- exact copies: 1% of body paragraphs repeat an earlier paragraph byte for byte;
- near copies: 0.5% repeat an earlier paragraph (>= 50 chars) with 1..8% of its characters
  substituted (similarity >= 0.92);
- FORMULA, byte-identical, in 5% of articles (an exact copy class of thousands);
- VARIANT, a boilerplate whose date varies (365 values), in 0.5% of articles: near-identical
  paragraphs that share their q-grams, i.e. a hot join key that exact collapsing cannot remove;
- TYPO, a paragraph with a half-width comma between Chinese characters, in 150 articles.

Files go to OUT_DIR/dNNNN/aNNNNNNN.txt, 1000 per folder. Deterministic given N and the seed.
A summary (counts of everything planted) is printed as JSON and written to OUT_DIR.json.
"""

import argparse
import glob
import json
import os
import random
import re

# The real corpora beside the checkout (../shared/corpus, see the project brief).
ROOT = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")
)
FORMULA = "各地区、各部门要切实加强组织领导，结合本地区本部门实际认真抓好贯彻落实，执行中遇到的重要情况和问题，请及时报告。"
VARIANT = "本通知自{m}月{d}日起施行，由办公厅负责解释。各地区、各有关部门要结合实际认真贯彻执行，执行中遇到的问题请及时向办公厅反映。"
TYPO = "各级各部门要高度重视,切实加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处，取得实效。"
RESERVOIR = 200_000
ENUMERATOR = re.compile(
    r"^(第[零〇一二三四五六七八九十百千]+[条款章节]\s*|[（(][一二三四五六七八九十\d]+[）)]\s*"
    r"|[一二三四五六七八九十]+[、.．]\s*|\d+[.．、]\s*|[一二三四五六七八九十]是)"
)


def real_text():
    sentences, headings, titles = [], [], []
    paths = sorted(glob.glob(ROOT + "/gov/*.txt")) + sorted(
        glob.glob(ROOT + "/lawref/**/*.md", recursive=True)
    )
    for path in paths:
        first = True
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith(("<!--", "|", "-", ">")):
                    continue
                line = line.lstrip("# ").strip()
                if not line:
                    continue
                if first and path.endswith(".txt") and 6 <= len(line) < 40 and not re.search(
                    "[。；！？：:]", line
                ):
                    titles.append(line)
                first = False
                if not re.search("[。；！？]", line):
                    if 4 <= len(line) < 30:
                        headings.append(line)
                    continue
                for s in re.findall(r"[^。；！？]*[。；！？]", line):
                    # Without article numbers and enumerators: a statute's outline would make
                    # govlint judge every generated article a statute (its repeats parallel).
                    s = ENUMERATOR.sub("", s.strip()).strip()
                    if len(s) >= 4:
                        sentences.append(s)
    return sentences, headings, titles


def mutate(rng, text, pool_chars):
    chars = list(text)
    positions = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    edits = rng.randint(1, max(1, int(0.08 * len(chars))))
    for i in rng.sample(positions, min(edits, len(positions))):
        c = rng.choice(pool_chars)
        while c == chars[i]:
            c = rng.choice(pool_chars)
        chars[i] = c
    return "".join(chars)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paragraphs", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sentences, headings, titles = real_text()
    pool_chars = [c for c in "".join(rng.sample(sentences, 2000)) if "\u4e00" <= c <= "\u9fff"]
    articles_expected = args.paragraphs // 30
    typo_articles = set(rng.sample(range(max(150, int(articles_expected * 0.95))), 150))
    reservoir, seen = [], 0
    counts = dict(paragraphs=0, headings=0, body=0, exact=0, near=0, formula=0, variant=0,
                  typo=0, articles=0, bytes=0)
    os.makedirs(args.out, exist_ok=True)
    article = 0
    while counts["paragraphs"] < args.paragraphs:
        n = min(rng.randint(20, 40), args.paragraphs - counts["paragraphs"])
        body = []
        for _ in range(n):
            r = rng.random()
            if r < 0.08:
                body.append(rng.choice(headings))
                counts["headings"] += 1
                continue
            r = rng.random()
            if r < 0.01 and reservoir:
                text = rng.choice(reservoir)
                counts["exact"] += 1
            elif r < 0.015 and reservoir:
                source = rng.choice(reservoir)
                while len(source) < 50:
                    source = rng.choice(reservoir)
                text = mutate(rng, source, pool_chars)
                counts["near"] += 1
            else:
                text = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 6)))
                seen += 1
                if len(reservoir) < RESERVOIR:
                    reservoir.append(text)
                else:
                    j = rng.randrange(seen)
                    if j < RESERVOIR:
                        reservoir[j] = text
            body.append(text)
            counts["body"] += 1
        # Planted paragraphs replace a paragraph of the article (the count stays N).
        def plant(text, key):
            if len(body) > 2:
                body[rng.randrange(1, len(body))] = text
                counts[key] += 1
        if rng.random() < 0.05:
            plant(FORMULA, "formula")
        if rng.random() < 0.005:
            plant(VARIANT.format(**date(rng)), "variant")
        if article in typo_articles:
            plant(TYPO, "typo")
        title = f"{rng.choice(titles)}（第{article + 1}号）"
        folder = os.path.join(args.out, f"d{article // 1000:04d}")
        if article % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        data = (title + "\n\n" + "\n\n".join(body) + "\n").encode("utf-8")
        with open(os.path.join(folder, f"a{article:07d}.txt"), "wb") as f:
            f.write(data)
        counts["bytes"] += len(data)
        counts["paragraphs"] += n
        article += 1
    counts["articles"] = article
    summary = json.dumps(counts, indent=2)
    print(summary)
    with open(args.out.rstrip("/") + ".json", "w") as f:
        f.write(summary + "\n")


MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def date(rng):
    day = rng.randrange(365)
    m = 0
    while day >= MONTH_DAYS[m]:
        day -= MONTH_DAYS[m]
        m += 1
    return dict(m=m + 1, d=day + 1)


if __name__ == "__main__":
    main()
