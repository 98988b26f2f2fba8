"""Sum shuffle/spill metrics from a Spark event log directory (v2 rolling, zstd or plain)."""
import json, subprocess, sys, glob, os, collections

def lines(d):
    for f in sorted(glob.glob(os.path.join(d, "events_*"))):
        if f.endswith(".zstd"):
            data = subprocess.run(["zstd", "-dc", f], capture_output=True, check=True).stdout.decode()
        else:
            data = open(f).read()
        for line in data.splitlines():
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:  # a line still being written
                    pass

def main(d):
    tot = collections.Counter()
    stages = {}
    per_stage = collections.defaultdict(collections.Counter)
    stage_exec, sql = {}, {}
    acc_node, acc_sum = {}, collections.Counter()
    def plan(node, execution):
        for m in node.get("metrics", []):
            if m["name"] == "number of output rows":
                acc_node[m["accumulatorId"]] = (execution, node["nodeName"], node.get("simpleString", "")[:70])
        for c in node.get("children", []):
            plan(c, execution)
    for e in lines(d):
        ev = e["Event"]
        if "sparkPlanInfo" in e:
            plan(e["sparkPlanInfo"], str(e["executionId"]))
        if ev == "SparkListenerTaskEnd":
            for a in (e.get("Task Info") or {}).get("Accumulables", []):
                if a["ID"] in acc_node and isinstance(a.get("Update"), (int, str)):
                    try:
                        acc_sum[a["ID"]] += int(a["Update"])
                    except ValueError:
                        pass
        if ev == "SparkListenerJobStart":
            x = e["Properties"].get("spark.sql.execution.root.id", e["Properties"].get("spark.sql.execution.id"))
            for s in e["Stage IDs"]:
                stage_exec[s] = x
        elif ev.endswith("SQLExecutionStart"):
            sql[str(e["executionId"])] = dict(description=e["description"].split(" at ")[0], start=e["time"])
        elif ev.endswith("SQLExecutionEnd"):
            sql[str(e["executionId"])]["seconds"] = round((e["time"] - sql[str(e["executionId"])]["start"]) / 1000, 1)
        if ev == "SparkListenerTaskEnd":
            m = e.get("Task Metrics") or {}
            sw = m.get("Shuffle Write Metrics", {})
            sr = m.get("Shuffle Read Metrics", {})
            s = e["Stage ID"]
            c = per_stage[s]
            c["tasks"] += 1
            for k, v in (("shuffle_write_bytes", sw.get("Shuffle Bytes Written", 0)),
                         ("shuffle_write_records", sw.get("Shuffle Records Written", 0)),
                         ("shuffle_read_remote", sr.get("Remote Bytes Read", 0)),
                         ("shuffle_read_local", sr.get("Local Bytes Read", 0)),
                         ("memory_spilled", m.get("Memory Bytes Spilled", 0)),
                         ("disk_spilled", m.get("Disk Bytes Spilled", 0)),
                         ("input_bytes", m.get("Input Metrics", {}).get("Bytes Read", 0)),
                         ("run_ms", m.get("Executor Run Time", 0))):
                c[k] += v
                tot[k] += v
            c["peak_exec_mem"] = max(c["peak_exec_mem"], m.get("Peak Execution Memory", 0))
            tot["max_task_peak_exec_mem"] = max(tot["max_task_peak_exec_mem"], m.get("Peak Execution Memory", 0))
        elif ev == "SparkListenerStageCompleted":
            i = e["Stage Info"]
            stages[i["Stage ID"]] = (i["Stage Name"], i.get("Completion Time", 0) - i.get("Submission Time", 0))
        elif ev in ("SparkListenerExecutorMetricsUpdate", "SparkListenerStageExecutorMetrics"):
            pm = e.get("Executor Metrics") or {}
            for k in ("JVMHeapMemory", "JVMOffHeapMemory", "ProcessTreeJVMRSSMemory", "ProcessTreePythonRSSMemory", "OnHeapExecutionMemory"):
                if k in pm:
                    tot["max_" + k] = max(tot["max_" + k], pm[k])
    for s, c in per_stage.items():
        x = stage_exec.get(s)
        if x is not None and x in sql:
            for k in ("shuffle_write_bytes", "shuffle_write_records", "disk_spilled", "run_ms"):
                sql[x][k] = sql[x].get(k, 0) + c[k]
    for v in sql.values():
        v.pop("start", None) if "seconds" in v else v.update(seconds="unfinished")
    rows = collections.defaultdict(list)
    for i, n in sorted(acc_sum.items()):
        x, name, text = acc_node[i]
        if n:
            rows[x].append(f"{name}: {n} ({text})")
    out = {"executions": sql, "rows": rows, "total": dict(tot), "stages": {s: dict(name=stages.get(s, ("?", 0))[0][:60], ms=stages.get(s, ("?", 0))[1], **per_stage[s]) for s in sorted(per_stage)}}
    return out

if __name__ == "__main__":
    r = main(sys.argv[1])
    json.dump(r, sys.stdout, indent=1)
