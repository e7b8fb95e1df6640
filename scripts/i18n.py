"""Keep the catalogue of words whole: ``python scripts/i18n.py [absorb] [draft] [review]``.

``absorb`` moves words still written in the old two-language forms into the catalogue
(``analytics/i18n/words/``): the ``(en, zh)`` blocks of ``ui/texts/<page>.py`` (the file is then
deleted) and ``define(code, en, zh)`` calls in the library (the call becomes the code itself).

``sync BASE`` (after a rebase) folds the edits others made to old-form page blocks since commit
BASE into the catalogue, including edited and removed keys.

``draft`` writes a first 繁體中文 (zh-Hant) text for every entry that lacks one: OpenCC's
Simplified-to-Taiwan conversion (phrases included), then ``TERMS``, the sales words reviewed by
hand. Read the drafted lines in the diff before committing. OpenCC is a build-time tool only
(``requirements-dev.txt``); the shipped catalogue is plain text.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "analytics" / "i18n" / "words"
LANGS = ("en", "zh", "zh-Hant")

#: Sales and software words reviewed by hand after OpenCC (Taiwan usage): what the draft says → what a
#: Traditional-Chinese sales team reads.
TERMS: dict[str, str] = {
    "渠道": "通路",  # sales channel: 直銷 / 經銷 / 電商 通路
    "細分市場": "市場區隔",
    "提成": "佣金",
    "贏單率": "成交率",
    "贏單": "成交",
    "輸單": "失單",
    "線索來源": "潛在客戶來源",
    "線索": "潛在客戶",
    "示例": "範例",
    "視圖": "檢視",
    "屏幕": "螢幕",
    "鏈接": "連結",
    "地址欄": "網址列",
    "默認": "預設",
    "導出": "匯出",
    "導入": "匯入",
    "文件": "檔案",
    "字段": "欄位",
    "用戶": "使用者",
    "賬戶": "帳戶",
    "賬號": "帳號",
    "質量": "品質",
    "信息": "資訊",
    "數據": "資料",
    "模板": "範本",
    "回復": "回覆",
    "報告": "報表",
    "當前": "目前",
    "合同": "合約",
    "概率": "機率",
    "單元格": "儲存格",
    "型別": "類型",
    "自定義": "自訂",
    "摺合": "折合",
    "條評論": "則評論",
    "製表符": "定位字元",
    "加載": "載入",
    "會話": "工作階段",
    "釋出": "發布",
    "文本": "文字",
    "查看錶格": "查看表格",
    "條商機": "筆商機",
    "條目標": "筆目標",
    "占上一": "佔上一",
    "調查回覆": "問卷回覆",
    "計劃": "計畫",
    "運行": "執行",
    "兼容": "相容",
}


def _render(doc: str, words: dict[str, dict[str, str]]) -> str:
    out = [f'"""{doc}"""', "", "WORDS: dict[str, dict[str, str]] = {"]
    for key, entry in words.items():
        out.append(f"    {json.dumps(key, ensure_ascii=False)}: {{")
        for lang in (*LANGS, *(x for x in entry if x not in LANGS)):
            if lang in entry:
                out.append(f"        {json.dumps(lang)}: {json.dumps(entry[lang], ensure_ascii=False)},")
        out.append("    },")
    out.append("}")
    return "\n".join(out) + "\n"


def _read(area: str) -> tuple[str, dict[str, dict[str, str]]]:
    path = WORDS / f"{area}.py"
    if not path.exists():
        return f"Words of {area.replace('_', ' ')}.", {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree) or f"Words of {area}."
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            return doc, ast.literal_eval(node.value)
    return doc, {}


def _write(area: str, doc: str, words: dict[str, dict[str, str]]) -> None:
    (WORDS / f"{area}.py").write_text(_render(doc, words), encoding="utf-8")


def _add(area: str, new: dict[str, tuple[str, str]], source: str) -> None:
    doc, words = _read(area)
    for key, (en, zh) in new.items():
        if key in words and (words[key].get("en"), words[key].get("zh")) != (en, zh):
            print(f"{source}: {key} already in {area}.py with another text; kept the catalogue's")
            continue
        words.setdefault(key, {"en": en, "zh": zh})
    _write(area, doc, words)
    print(f"{source}: {len(new)} words into analytics/i18n/words/{area}.py")


def absorb_page_blocks() -> None:
    for path in sorted((ROOT / "ui" / "texts").glob("*.py")):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        block: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            target = node.target if isinstance(node, ast.AnnAssign) else (
                node.targets[0] if isinstance(node, ast.Assign) else None)
            if isinstance(target, ast.Name) and target.id == "TEXT" and node.value is not None:
                block = ast.literal_eval(node.value)
        _add(path.stem, block, str(path.relative_to(ROOT)))
        path.unlink()


def _module_of(path: Path):
    import importlib

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))


def _old_block(source: str) -> dict[str, tuple[str, str]]:
    tree = ast.parse(source)
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "TEXT" and node.value is not None:
            return ast.literal_eval(node.value)
    return {}


def sync(base: str) -> None:
    """After a rebase: fold what others changed in an old-form page block since ``base`` (a commit)
    into the catalogue: added and edited keys (the 繁體中文 is drafted again), removed keys."""
    import subprocess

    for path in sorted((ROOT / "ui" / "texts").glob("*.py")):
        if path.name == "__init__.py":
            continue
        relative = str(path.relative_to(ROOT))
        shown = subprocess.run(["git", "show", f"{base}:{relative}"], cwd=ROOT, capture_output=True, text=True)
        before = _old_block(shown.stdout) if shown.returncode == 0 else {}
        after = _old_block(path.read_text(encoding="utf-8"))
        doc, words = _read(path.stem)
        for key in set(before) - set(after):
            words.pop(key, None)
        for key, (en, zh) in after.items():
            if key not in words or before.get(key) != (en, zh):
                words[key] = {"en": en, "zh": zh}
        _write(path.stem, doc, words)
        print(f"{relative}: {len(set(after) - set(before))} added, "
              f"{sum(1 for k in after if k in before and before[k] != after[k])} edited, "
              f"{len(set(before) - set(after))} removed since {base[:8]}")
        path.unlink()


def absorb_defines() -> None:
    for path in sorted([*(ROOT / "analytics").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
                        *(ROOT / "pages").rglob("*.py")]):
        if "i18n" in path.parts or path.name == "messages.py":
            continue
        source = path.read_text(encoding="utf-8")
        if "define(" not in source:
            continue
        tree = ast.parse(source)
        lines = source.splitlines(keepends=True)
        found: dict[str, tuple[str, str]] = {}
        edits: list[tuple[int, int, str]] = []
        for node in tree.body:
            call = node.value if isinstance(node, ast.Expr | ast.Assign) else None
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "define"):
                continue
            try:
                code, en, zh = (ast.literal_eval(a) for a in call.args)
            except ValueError:  # texts built from module constants: evaluate them in the module
                module = _module_of(path)
                code, en, zh = (eval(compile(ast.Expression(a), str(path), "eval"), vars(module)) for a in call.args)
            found[code] = (en, zh)
            replacement = ""
            if isinstance(node, ast.Assign):
                name = ast.get_source_segment(source, node.targets[0])
                replacement = f"{name} = {json.dumps(code)}\n"
            edits.append((node.lineno - 1, node.end_lineno or node.lineno, replacement))
        if not found:
            continue
        for start, end, replacement in reversed(edits):
            lines[start:end] = [replacement] if replacement else []
        path.write_text("".join(lines), encoding="utf-8")
        relative = path.relative_to(ROOT)
        area = relative.parts[1] if relative.parts[0] == "analytics" and len(relative.parts) > 2 else relative.parts[0]
        _add(f"messages_{area}", found, str(relative))


#: Compounds whose 行 or 列 is not a row or a column of a table.
_NOT_GRID = ("進行", "執行", "銀行", "行業", "行為", "行動", "發行", "流行", "同行", "運行", "行銷", "自行", "另行",
             "並行", "可行", "換行", "逐行", "每行一個", "每檔一行", "命令列", "位址列", "網址列", "列出", "列表",
             "列為", "系列", "排列", "列舉", "並列")
_LINE_NUMBER = re.compile(r"{line}\s*行")  # a line of text (CSV, SQL, YAML), not a row


def _taiwan_grid(hant: str) -> str:
    """Rows and columns the Taiwanese way: a row is 列 and a column is 欄, where the mainland
    writes 行 and 列. Lines of text (第 {line} 行, 每行一個) and compounds (進行, 列出) stay."""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"\x00{len(kept) - 1}\x00"

    hant = _LINE_NUMBER.sub(lambda m: keep(m.group(0)), hant)
    for word in _NOT_GRID:
        hant = hant.replace(word, keep(word)) if word in hant else hant
    hant = hant.replace("列", "欄").replace("行", "列")
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], hant)


def _reviewed(hant: str) -> str:
    for draft_term, reviewed in TERMS.items():
        hant = hant.replace(draft_term, reviewed)
    return hant.replace("“", "「").replace("”", "」")  # Taiwan's quotation marks


def review() -> None:
    """Apply ``TERMS`` to every 繁體中文 text again (after the list of reviewed words grew)."""
    for path in sorted(WORDS.glob("*.py")):
        if path.name == "__init__.py":
            continue
        doc, words = _read(path.stem)
        changed = False
        for entry in words.values():
            if entry.get("zh-Hant") and _reviewed(entry["zh-Hant"]) != entry["zh-Hant"]:
                entry["zh-Hant"] = _reviewed(entry["zh-Hant"])
                changed = True
        if changed:
            _write(path.stem, doc, words)


def draft() -> None:
    import opencc

    converter = opencc.OpenCC("s2twp")
    for path in sorted(WORDS.glob("*.py")):
        if path.name == "__init__.py":
            continue
        doc, words = _read(path.stem)
        drafted = 0
        for entry in words.values():
            if entry.get("zh-Hant") or not entry.get("zh"):
                continue
            entry["zh-Hant"] = _reviewed(_taiwan_grid(converter.convert(entry["zh"])))
            drafted += 1
        if drafted:
            _write(path.stem, doc, words)
            print(f"{path.relative_to(ROOT)}: drafted {drafted} zh-Hant texts")


if __name__ == "__main__":
    steps = sys.argv[1:] or ["absorb", "draft"]
    if steps[0] == "sync":
        sync(steps[1])
        steps = steps[2:]
    if "absorb" in steps:
        absorb_page_blocks()
        absorb_defines()
    if "draft" in steps:
        draft()
    if "review" in steps:
        review()
