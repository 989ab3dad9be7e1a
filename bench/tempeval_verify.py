"""Check bench/tempeval_scorer.py against the official TempEval-3 scorer's own matching.

Usage: python bench/tempeval_verify.py TBAQ_DIR TOOLS_DIR [N]

Tags N files (default 5) of TBAQ_DIR, writes them as TimeML, runs the official TimeML-Normalizer
(Java, from TOOLS_DIR) over gold and system folders, counts matches exactly as the official
``evaluate_entities.py`` does (same tid after normalisation = relaxed match, same text = strict),
and prints those counts next to the counts of our port. Needs ``java``; Python 2 is not needed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval_scorer import Counts, read_timeml  # noqa: E402

from storyline import nlp  # noqa: E402
from storyline.time import tag  # noqa: E402


def _official_attributes(tml: str) -> dict[str, tuple[str, str, str]]:
    """tid -> (text, type, value), as evaluate_entities.get_attributes reads them."""
    def attribute(tag_text: str, name: str) -> str:
        found = re.findall(name + '="[^"]*"', tag_text)
        return re.sub(name + "=", "", found[0]).strip('"') if found else name

    out = {}
    for instance in re.findall(r"<TIMEX3[^>]*>[^<]*</TIMEX3>", tml):
        tid = attribute(instance, "tid")
        if tid != "t0":
            out[tid] = (re.sub("<[^>]*>", "", instance), attribute(instance, "type"), attribute(instance, "value"))
    return out


def _system_file(path: Path, target: Path) -> None:
    """Write the file with our TIMEX3 tags in <TEXT> instead of the gold tags."""
    raw = path.read_text(encoding="utf-8")
    document = read_timeml(path)
    found = tag(document.text, document.dct, nlp.load()(document.text))
    parts, position = [], 0
    for index, timex in enumerate(found):
        parts.append(html.escape(document.text[position : timex.start], quote=False))
        parts.append(f'<TIMEX3 tid="t{1000 + index}" type="{timex.type}" value="{timex.value}">'
                     f"{html.escape(timex.text, quote=False)}</TIMEX3>")
        position = timex.end
    parts.append(html.escape(document.text[position:], quote=False))
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    assert body is not None
    new = raw[: body.start(1)] + "".join(parts) + raw[body.end(1) :]
    new = re.sub(r"<(TLINK|SLINK|ALINK|MAKEINSTANCE)[^>]*/>\n?", "", new)
    target.write_text(new, encoding="utf-8")


def main() -> int:
    """Run the comparison."""
    gold_dir, tools = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    paths = sorted(gold_dir.rglob("*.tml"))[:: max(1, len(list(gold_dir.rglob("*.tml"))) // count)][:count]
    work = Path(tempfile.mkdtemp(prefix="te3verify"))
    try:
        (work / "gold").mkdir()
        (work / "system").mkdir()
        for path in paths:
            shutil.copy(path, work / "gold" / path.name)
            _system_file(path, work / "system" / path.name)
        subprocess.run(["java", "-jar", "TimeML-Normalizer/TimeML-Normalizer.jar", "-a",
                        f"{work / 'gold'};{work / 'system'}"], cwd=tools, check=True, capture_output=True)
        official = dict.fromkeys(("gold", "system", "relaxed", "strict", "type", "value"), 0)
        ours = Counts()
        for path in paths:
            gold = _official_attributes((work / "gold-normalized" / path.name).read_text(encoding="utf-8"))
            system = _official_attributes((work / "system-normalized" / path.name).read_text(encoding="utf-8"))
            official["gold"] += len(gold)
            official["system"] += len(system)
            for tid, (text, kind, value) in gold.items():
                if tid in system and system[tid][0].strip():
                    official["relaxed"] += 1
                    official["strict"] += text == system[tid][0]
                    official["type"] += kind == system[tid][1]
                    official["value"] += value == system[tid][2]
            ours.add(path.name, list(read_timeml(path).timexes), list(read_timeml(work / "system" / path.name).timexes))
        port = {"gold": ours.gold, "system": ours.system, "relaxed": ours.relaxed, "strict": ours.strict,
                "type": ours.type_match, "value": ours.value_match}
        print("files:", ", ".join(p.name for p in paths))
        print("official normaliser + counting:", official)
        print("our port                      :", port)
        print("IDENTICAL" if official == port else "DIFFERENT")
        return 0 if official == port else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
