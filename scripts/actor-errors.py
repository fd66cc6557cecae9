#!/usr/bin/env python3
"""Actor errors of the event coder: gold events whose PLOVER type the system found but whose
source or target code it got wrong, with what the dictionaries see in the sentence.

Input: a gold file (../shared/eval/*.dev.jsonl: events with 3-letter source/target codes and
source_text/target_text) and the system's events (`communique code` JSON Lines). With --bin, each
listed sentence also goes through `communique actors SENTENCE --date DATE`, and every wrong actor
is classified:

  missed      no dictionary actor on the gold actor's words and none with the gold code: a
              name, demonym or organization the dictionaries do not know, or an agent
              without a country ("police") whose country only the context gives
  wrong-code  a dictionary actor with a code on the gold actor's words, but another code
              (date resolution, agent composition, longest match, or a gold convention)
  role        the dictionaries found an actor with the gold code (on the gold words, or else
              anywhere in the sentence), the coder did not use it for this side
              (subject/object assignment: the coder's side)

Output: one block per sentence, then counts per class. Standard library only.
Usage: scripts/actor-errors.py GOLD.jsonl SYSTEM.jsonl [--bin build/communique] [--summary]
"""

import argparse
import json
import re
import subprocess
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: skipped: {e}", file=sys.stderr)


def code_of(actor):
    return (actor or {}).get("code") or ""


def text_of(actor):
    return (actor or {}).get("text") or ""


def matches(sys_code, gold_codes):
    # The scorer's rule: an empty gold list matches anything; else the first three letters.
    return not gold_codes or any(sys_code[:3] == g[:3] for g in gold_codes)


def dictionary_actors(binary, text, date, cache={}):
    """[(text, code)] as printed by `communique actors`."""
    key = (text, date)
    if key in cache:
        return cache[key]
    cmd = [binary, "actors", text]
    if date:
        cmd += ["--date", date]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    found, current = [], None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = line
        elif current is not None and line.strip().startswith("code"):
            found.append((current, line.split(None, 1)[1].strip() if len(line.split()) > 1 else ""))
            current = None
        elif current is not None and line.strip().startswith("sector"):
            # An agent without a country has no code line before its sector.
            found.append((current, ""))
            current = None
    cache[key] = found
    return found


def words(s):
    return {w for w in re.findall(r"[a-z]+", s.lower()) if len(w) > 2}


def classify(gold_codes, gold_texts, dict_actors):
    # The dictionary actors on the gold actor's words decide; without gold words, any actor.
    gw = set().union(*(words(t) for t in gold_texts)) if gold_texts else set()
    on_gold = [c for t, c in dict_actors if not gw or words(t) & gw]
    if any(c and matches(c, gold_codes) for c in on_gold):
        return "role"
    if any(c for c in on_gold):
        return "wrong-code"
    if any(c and matches(c, gold_codes) for _, c in dict_actors):
        return "role"  # the gold code is named elsewhere in the sentence ("Washington ... it")
    return "missed"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--bin", help="communique binary: classify with `communique actors`")
    ap.add_argument("--summary", action="store_true", help="counts only")
    args = ap.parse_args()

    system = {}
    for e in read_jsonl(args.system):
        system.setdefault(e.get("doc_id"), []).append(e)

    counts = {}
    listed = 0
    for g in read_jsonl(args.gold):
        sys_events = system.get(g["id"], [])
        for ge in g.get("events", []):
            typed = [e for e in sys_events if ge.get("plover") and e.get("plover") == ge["plover"]]
            if not typed:
                continue
            if any(matches(code_of(e.get("source")), ge.get("source", [])) and
                   matches(code_of(e.get("target")), ge.get("target", [])) for e in typed):
                continue
            listed += 1
            found = dictionary_actors(args.bin, g["text"], g.get("date")) if args.bin else []
            lines = [f"{g['id']} {ge['plover']}: {g['text']}"]
            for side in ("source", "target"):
                gold_codes = ge.get(side, [])
                gold_texts = ge.get(f"{side}_text") or []
                if isinstance(gold_texts, str):
                    gold_texts = [gold_texts]
                if any(matches(code_of(e.get(side)), gold_codes) for e in typed):
                    continue
                got = "; ".join(sorted({f"{text_of(e.get(side))!r}={code_of(e.get(side)) or '-'}"
                                        for e in typed}))
                cls = classify(gold_codes, gold_texts, found) if args.bin else "?"
                counts[(side, cls)] = counts.get((side, cls), 0) + 1
                lines.append(f"  {side:6} [{cls}] gold {gold_texts}={gold_codes}  system {got}")
            if args.bin:
                lines.append("  dictionaries: " + "; ".join(f"{t!r}={c or 'agent'}" for t, c in found))
            if not args.summary:
                print("\n".join(lines))
    print(f"\n{listed} gold events with the right type and a wrong actor")
    for (side, cls), n in sorted(counts.items()):
        print(f"  {side:6} {cls:10} {n}")


if __name__ == "__main__":
    main()
