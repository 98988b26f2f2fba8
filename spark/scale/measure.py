"""Run a command; every 2 s sample the RSS of its process tree (java and python separately).

    python measure.py LOG.json -- COMMAND...
Writes wall time, peak RSS of the tree, of the largest java process, of python workers,
and the 1-minute load averages seen (uptime) to LOG.json.
"""
import json, os, subprocess, sys, time

def tree(root):
    kids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            kids.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out

def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    kb = int(line.split()[1])
                    break
            else:
                return 0, ""
        with open(f"/proc/{pid}/comm") as f:
            return kb, f.read().strip()
    except OSError:
        return 0, ""

log, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
start = time.time()
proc = subprocess.Popen(command)
peak = dict(tree_kb=0, java_kb=0, python_tree_kb=0, other_kb=0)
loads = []
while proc.poll() is None:
    total = java = py = 0
    for pid in tree(proc.pid):
        kb, name = rss(pid)
        total += kb
        if name == "java":
            java = max(java, kb)
        elif name.startswith("python"):
            py += kb
    peak["tree_kb"] = max(peak["tree_kb"], total)
    peak["java_kb"] = max(peak["java_kb"], java)
    peak["python_tree_kb"] = max(peak["python_tree_kb"], py)
    loads.append(os.getloadavg()[0])
    time.sleep(2)
result = dict(command=" ".join(command), seconds=round(time.time() - start, 1), rc=proc.returncode,
              load_min=min(loads or [0]), load_max=max(loads or [0]),
              load_mean=round(sum(loads) / max(1, len(loads)), 2), **peak)
json.dump(result, open(log, "w"), indent=1)
print(json.dumps(result), file=sys.stderr)
sys.exit(proc.returncode)
