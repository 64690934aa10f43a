#!/usr/bin/env python3
"""The SimPy peer of the canonical workloads (../shared/bench/PEER-SCENARIOS.md), written from that text.

    python3 bench/peer/simpy_peer.py {sqs_poison|sqs_poison_partial|async_retry|kinesis_shard} SIZE

Prints one JSON object: the outcome counts and loop_ms, the wall time of env.run(). Needs SimPy 3 (Debian
python3-simpy3). Used by bench/run_bench.mjs to put the peer's figures beside ours, same machine, same sitting.
"""
import collections
import json
import sys
import time

import simpy


def sqs_poison(env, n, partial):
    visible = collections.deque(range(n))
    receives = [0] * n
    out = dict(invocations=0, failed_invocations=0, deliveries=0, succeeded=0, dlq=0)
    state = {"in_flight": 0, "wake": env.event()}

    def wake():
        if not state["wake"].triggered:
            state["wake"].succeed()
        state["wake"] = env.event()

    def return_later(batch, at):
        yield env.timeout(at - env.now)
        state["in_flight"] -= len(batch)
        visible.extend(batch)
        wake()

    def poller():
        while True:
            if not visible:
                if state["in_flight"] == 0:
                    return
                yield state["wake"]
                continue
            received_at = env.now
            batch = []
            while visible and len(batch) < 10:
                m = visible.popleft()
                if receives[m] >= 5:
                    out["dlq"] += 1
                    continue
                receives[m] += 1
                batch.append(m)
            if not batch:
                continue
            out["deliveries"] += len(batch)
            out["invocations"] += 1
            state["in_flight"] += len(batch)
            yield env.timeout(100)
            poison = [m for m in batch if m % 100 == 0]
            if poison:
                out["failed_invocations"] += 1
            failed = (poison if partial else batch) if poison else []
            done = len(batch) - len(failed)
            out["succeeded"] += done
            state["in_flight"] -= done
            if failed:
                env.process(return_later(failed, received_at + 30000))
            if state["in_flight"] == 0 and not visible:
                wake()

    for _ in range(5):
        env.process(poller())
    return out


def async_retry(env, m):
    out = dict(attempts=0, errors=0, retries=0, succeeded=0, dlq=0)
    queue = collections.deque()
    state = {"free": 100}

    def invocation(i, a):
        yield env.timeout(50)
        state["free"] += 1
        out["attempts"] += 1
        if (i * 7 + a) % 10 < 3:
            out["errors"] += 1
            if a < 2:
                out["retries"] += 1
                env.process(requeue(i, a + 1, 60000 if a == 0 else 120000))
            else:
                out["dlq"] += 1
        else:
            out["succeeded"] += 1
        dispatch()

    def requeue(i, a, wait):
        yield env.timeout(wait)
        queue.append((i, a))
        dispatch()

    def dispatch():
        while state["free"] > 0 and queue:
            state["free"] -= 1
            env.process(invocation(*queue.popleft()))

    def arrivals():
        for i in range(m):
            if i > env.now:
                yield env.timeout(i - env.now)
            queue.append((i, 0))
            dispatch()

    env.process(arrivals())
    return out


def kinesis_shard(env, records):
    out = dict(invocations=0, failed_invocations=0, records_delivered=0, records_succeeded=0,
               records_skipped=0, on_failure=0)

    def shard(s):
        poison = (records // 2 + 37 * s) % records
        pos = 0
        while pos < records:
            end = min(pos + 100, records)
            for attempt in range(4):
                out["invocations"] += 1
                out["records_delivered"] += end - pos
                yield env.timeout(100)
                if not (pos <= poison < end):
                    out["records_succeeded"] += end - pos
                    break
                out["failed_invocations"] += 1
                if attempt == 3:
                    out["on_failure"] += 1
                    out["records_skipped"] += end - pos
            pos = end

    for s in range(4):
        env.process(shard(s))
    return out


def main():
    name, size = sys.argv[1], int(sys.argv[2])
    env = simpy.Environment()
    if name in ("sqs_poison", "sqs_poison_partial"):
        out = sqs_poison(env, size, name.endswith("partial"))
    elif name == "async_retry":
        out = async_retry(env, size)
    elif name == "kinesis_shard":
        out = kinesis_shard(env, size)
    else:
        sys.exit("unknown workload " + name)
    t0 = time.perf_counter()
    env.run()
    out["loop_ms"] = (time.perf_counter() - t0) * 1000.0
    out["sim_end_ms"] = env.now
    out["simpy"] = simpy.__version__
    print(json.dumps(out))


if __name__ == "__main__":
    main()
