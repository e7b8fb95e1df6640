"""Issue 13.8: the sample company speaks the user's language.

The Chinese edition is the English one with every word translated: same rows, same numbers, so
every figure tested on one holds on the other. Checked on the generator, the committed files, the
figures the pages show, a hand-made frame, and the app choosing the edition by its language.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from analytics.metrics.attainment import attainment
from analytics.metrics.funnel import funnel
from analytics.periods import month_period
from analytics.store.sample import (
    CHANNELS_ZH,
    LEAD_SOURCES_ZH,
    REP_NAMES_ZH,
    TABLE_ORDER,
    generate,
    translate,
    write_sample,
)
from analytics.store.sources import SAMPLE_DIRS, load_sample, sample_edition
from tests.test_app import assert_clean, start

NOV = month_period(date(2026, 11, 1))
LATIN = re.compile(r"[A-Za-z]")
#: Columns holding keys or ids, not words: they stay as they are in both editions.
KEYS = {"deal_id", "status", "metric", "period", "currency"}


@pytest.fixture(scope="module")
def editions():
    return generate(edition="en"), generate(edition="zh")


def test_same_structure_and_numbers_every_word_chinese(editions):
    en, zh = editions
    for table in TABLE_ORDER:
        a, b = en[table], zh[table]
        assert list(a.columns) == list(b.columns) and len(a) == len(b), table
        for col in a.columns:
            if pd.api.types.is_numeric_dtype(a[col]) or pd.api.types.is_datetime64_any_dtype(a[col]):
                pd.testing.assert_series_equal(a[col], b[col], check_names=True)
            elif col not in KEYS:
                words = b[col].dropna().astype(str)
                latin = sorted({w for w in words if LATIN.search(w)})
                assert not latin, f"{table}.{col} still has English: {latin[:5]}"


def test_names_map_one_to_one(editions):
    en, zh = editions
    pairs = pd.DataFrame({"en": en["deals"]["customer"], "zh": zh["deals"]["customer"]}).drop_duplicates()
    assert pairs["en"].is_unique and pairs["zh"].is_unique  # no two customers merged by translation
    assert set(zh["deals"]["rep"]) == set(REP_NAMES_ZH.values())
    assert set(zh["deals"]["channel"]) == {"直销", "分销", "电商"} == set(CHANNELS_ZH.values())
    assert {"广告", "促销", "展会"} <= set(zh["deals"]["lead_source"]) <= set(LEAD_SOURCES_ZH.values())


def test_committed_files_are_the_generator_output(tmp_path):
    paths = write_sample(tmp_path, edition="zh")
    for path in paths:
        if path.suffix == ".csv":
            assert path.read_bytes() == (SAMPLE_DIRS["zh"] / path.name).read_bytes(), path.name


def test_same_tested_figures_through_the_importer():
    en, zh = load_sample(edition="en").connect(), load_sample(edition="zh").connect()
    a = attainment(en, NOV, "rep", as_of=date(2026, 11, 30)).set_index("rep")
    b = attainment(zh, NOV, "rep", as_of=date(2026, 11, 30)).set_index("rep")
    b.index = b.index.map({v: k for k, v in REP_NAMES_ZH.items()})
    for col in ("target", "actual", "attainment", "gap", "open_pipeline"):
        assert b[col].sort_index().tolist() == pytest.approx(a[col].sort_index().tolist(), nan_ok=True), col
    # Chen Jing = 陈静: 201,940 of 101,000 in November, in either edition
    assert b.loc["Chen Jing", "actual"] == a.loc["Chen Jing", "actual"] == 201_940
    fa, fb = funnel(en, NOV).table, funnel(zh, NOV).table
    assert fa["reached"].tolist() == fb["reached"].tolist() == [232, 105, 30, 15]


def test_translate_hand_made_frame_and_unknown_word():
    frames = {"deals": pd.DataFrame({"deal_id": ["D1"], "rep": ["Li Na"], "channel": ["Direct"],
                                     "lead_source": ["Trade show"], "status": ["won"], "amount": [5.0]})}
    out = translate(frames, "zh")["deals"].iloc[0].to_dict()
    assert out == {"deal_id": "D1", "rep": "李娜", "channel": "直销", "lead_source": "展会", "status": "won",
                   "amount": 5.0}
    assert translate(frames, "en") is frames
    with pytest.raises(KeyError, match="Online"):
        translate({"deals": pd.DataFrame({"channel": ["Online"]})}, "zh")
    with pytest.raises(ValueError):
        translate(frames, "fr")


def test_edition_follows_the_language():
    assert sample_edition("zh") == "zh" and sample_edition("zh-TW") == "zh"
    assert sample_edition("en") == "en" and sample_edition(None) == "en"


def test_the_editions_record_their_currency(editions):
    en, zh = editions
    assert set(en["deals"]["currency"]) == set(en["targets"]["currency"]) == {"USD"}
    assert set(zh["deals"]["currency"]) == set(zh["targets"]["currency"]) == {"CNY"}


@pytest.mark.parametrize(("lang", "rep"), [("zh", "陈静"), ("en", "Chen Jing")])
def test_the_app_shows_the_sample_in_the_users_language(lang, rep):
    at = start({"lang": lang, "me": rep})
    at.switch_page("pages/my_progress.py").run()
    assert_clean(at)
    assert at.selectbox(key="me").value == rep
    values = [str(m.value) for m in at.metric]
    if lang == "zh":  # 201,940 元 won in November: 20.2万元, never dollars
        assert "20.2万元" in values and not any("$" in v for v in values), values
    else:
        assert "$201.9K" in values, values
