"""Meeting mode: the dashboard on the big screen, one story per slide.

Pure helpers (no Streamlit session needed, tested directly): the slide list and the slide
arithmetic, reps' names replaced by "Rep A, B, …" (letters shuffled per meeting), the leaderboard
layout, the summary of the filters in use and a figure made readable from the back of a room. Plus the static CSS the
meeting page injects (no user data in it) and the two callbacks that switch the mode.
"""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.outputs.palette import PACE_BADGES
from ui.charts import PACE_STATUS_COLOURS
from ui.format import missing as _missing
from ui.safe import plotly_text

#: The slides, in the order the meeting tells the story (the URL's ``slide`` is 1-based).
SLIDES = ("overview", "teams", "funnel", "segments", "leaderboard", "changes")
#: Automatic advance choices (seconds; "off" = by hand only).
AUTO_OPTIONS = ("off", "15", "30", "60")
#: URL keys owned by the meeting page (``meet`` itself is the sidebar's, ``pay`` shared with KPI & rewards).
SLIDE_KEY = "slide"
AUTO_KEY = "auto"
ANON_KEY = "anon"
PAY_KEY = "pay"
#: Session key of this meeting's shuffle of the anonymous letters (never in the URL).
ANON_SEED = "_meeting_anon_seed"
#: Session key of the explicit "show pay beside anonymous names" switch (never in the URL).
ANON_PAY_KEY = "_meeting_anon_pay"
#: Session key of the slide shown (seeded from the URL's ``slide``).
SLIDE_STATE = "_meeting_slide"
#: Chart text size on the big screen (px).
CHART_FONT = 20
#: Axis labels darker than the pages' grey, for a projector's washed-out contrast.
AXIS_TEXT = "#3D4454"
#: Leaderboard rows shown in one column; more reps are split into two columns side by side.
ONE_COLUMN_ROWS = 12
PACE_BADGE_COLOURS = PACE_BADGES

# Static: nothing from the data goes in here. Hides the sidebar (its widgets still run), the
# header with the toolbar, and the data banner app.py writes above every page (what comes before
# the meeting's own container in the main block; an error reported after it stays visible); sets
# the big type.
CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarCollapseButton"],
header[data-testid="stHeader"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(~ .st-key-meeting),
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(~ * .st-key-meeting) {
  display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 1rem 2.5rem !important; max-width: 100% !important; }
html { font-size: 22px; }
.st-key-meeting p, .st-key-meeting li, .st-key-meeting label, .st-key-meeting button,
.st-key-meeting [data-testid="stMarkdownContainer"] { font-size: 22px; }
.st-key-meeting h1 { font-size: 2.6rem !important; padding: 0 !important; line-height: 1.15; }
.st-key-meeting [data-testid="stCaptionContainer"], .st-key-meeting [data-testid="stCaptionContainer"] p {
  font-size: 1.05rem !important; color: #3d4454 !important; }
.st-key-meeting [data-testid="stMetricLabel"], .st-key-meeting [data-testid="stMetricLabel"] p {
  font-size: 1.35rem !important; }
.st-key-meeting [data-testid="stMetricValue"], .st-key-meeting [data-testid="stMetricValue"] p {
  font-size: 3.5rem !important; line-height: 1.15; font-weight: 700; }
.st-key-meeting [data-testid="stMetricDelta"], .st-key-meeting [data-testid="stMetricDelta"] p {
  font-size: 1.2rem !important; }
.st-key-meeting-pace p { font-size: 1.6rem !important; font-weight: 600; }
.st-key-meeting-position p { font-size: 1.6rem !important; font-weight: 700; text-align: center; }
.st-key-meeting-board { gap: 0.8rem !important; }
.st-key-meeting-board [class*="st-key-meeting-half-"] { gap: 0.45rem !important; }
.st-key-meeting-board p { font-size: 1.45rem !important; line-height: 1.5; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.st-key-meeting-board [class*="st-key-meeting-half-"] p { font-size: 1.2rem !important; }
.st-key-meeting-board [data-testid="stCaptionContainer"] p { font-size: 1.05rem !important; }
.st-key-meeting-board [data-testid="stProgress"] > div:first-child { display: none; }
.st-key-meeting-board [data-testid="stProgressBarTrack"] { height: 1.1rem !important; border-radius: 0.3rem; }
.st-key-meeting-board [data-testid="stMarkdownContainer"] span { font-size: 1.1rem !important; }
.st-key-meeting-board [class*="st-key-meeting-half-"] [data-testid="stMarkdownContainer"] span { font-size: 0.95rem !important; }
PACE_BARS
</style>"""


def _pace_bar_css() -> str:
    """Each leaderboard bar in its rep's pace colour (the rows' keys end in the status)."""
    return "\n".join(
        f'[class*="st-key-meeting-row-"][class*="-{status}"] [data-testid="stProgressBarTrack"] > div '
        f"{{ background-color: {colour} !important; }}"
        for status, colour in PACE_STATUS_COLOURS.items())


CSS = CSS.replace("PACE_BARS", _pace_bar_css())


# --- slides --------------------------------------------------------------------------------------

def parse_slide(raw: object, total: int = len(SLIDES)) -> int:
    """The 1-based slide a link asks for (``?slide=3``); 1 when missing or not a slide number."""
    try:
        n = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return n if 1 <= n <= total else 1


def step(slide: int, delta: int, total: int = len(SLIDES)) -> int:
    """The slide ``delta`` away from ``slide`` (1-based), wrapping around at both ends."""
    return (slide - 1 + delta) % total + 1


def position(slide: int, total: int = len(SLIDES)) -> str:
    """The position indicator, ``"2 / 5"``."""
    return f"{slide} / {total}"


def auto_seconds(option: str) -> int | None:
    """Seconds between automatic advances for an ``AUTO_OPTIONS`` choice; None when off."""
    return int(option) if option.isdigit() and int(option) > 0 else None


# --- anonymous names -----------------------------------------------------------------------------

def letters(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA", 27 → "AB" … (spreadsheet column names)."""
    out = ""
    n = index + 1
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def anonymise_reps(names: Iterable[object], prefix: str = "Rep", seed: int = 0) -> dict[str, str]:
    """Each distinct rep name → ``"<prefix> A"``, ``"<prefix> B"`` …, the letters dealt in an order
    shuffled by ``seed`` (one seed per meeting: a name keeps its letter on every slide of the
    meeting, and the letters do not follow the alphabetical order of the real names, which the
    room could otherwise decode). Missing names are left out."""
    distinct = sorted({str(n) for n in names if not _missing(n)}, key=lambda s: (s.casefold(), s))
    random.Random(seed).shuffle(distinct)
    return {name: f"{prefix} {letters(i)}" for i, name in enumerate(distinct)}


def meeting_seed() -> int:
    """This meeting's shuffle: drawn once per meeting (session), forgotten on entering or leaving."""
    if ANON_SEED not in st.session_state:
        st.session_state[ANON_SEED] = secrets.randbits(32)
    return int(st.session_state[ANON_SEED])


def pay_visible(pay: bool, anonymised: bool, pay_beside_letters: bool) -> bool:
    """Pay figures are shown only when switched on; on an anonymised slide only when also switched
    on explicitly for it (a letter next to a payout can still be attributed by the room)."""
    return bool(pay) and (not anonymised or bool(pay_beside_letters))


def shown_name(name: object, mapping: Mapping[str, str] | None, missing: str = "–") -> str:
    """The name to show: the anonymous one when ``mapping`` is given, else the real one."""
    if _missing(name):
        return missing
    return mapping.get(str(name), str(name)) if mapping is not None else str(name)


# --- header --------------------------------------------------------------------------------------

def filters_in_use(filters: object, dims: Sequence[str], rep_names: Mapping[str, str] | None = None
                   ) -> list[tuple[str, list[str]]]:
    """(dimension, values) for every sidebar filter that is set, in ``dims`` order; rep values
    anonymised through ``rep_names`` when given."""
    out: list[tuple[str, list[str]]] = []
    for dim in dims:
        values = [str(v) for v in (getattr(filters, dim, ()) or ())]
        if not values:
            continue
        if dim == "rep":
            values = [shown_name(v, rep_names) for v in values]
        out.append((dim, values))
    return out


# --- leaderboard ---------------------------------------------------------------------------------

def split_rows(n: int, one_column: int = ONE_COLUMN_ROWS) -> list[range]:
    """Row ranges per leaderboard column: one column up to ``one_column`` rows, else two halves
    (the left one the longer)."""
    if n <= one_column:
        return [range(n)]
    half = math.ceil(n / 2)
    return [range(half), range(half, n)]


# --- figures -------------------------------------------------------------------------------------

def big_figure(fig: go.Figure, *, height: int | None = None, font_size: int = CHART_FONT) -> go.Figure:
    """``fig`` with every text at ``font_size`` px (titles, ticks, legend, bar labels,
    annotations) so it reads from the back of a room; ``height`` in px when given."""
    fig.update_layout(font={"size": font_size}, legend={"font": {"size": font_size}},
                      hoverlabel={"font": {"size": font_size}})
    axis_text = {"size": font_size, "color": AXIS_TEXT}
    fig.update_xaxes(tickfont=axis_text, title_font=axis_text)
    fig.update_yaxes(tickfont=axis_text, title_font=axis_text)
    fig.update_annotations(font_size=font_size, font_color=AXIS_TEXT)
    for trace in fig.data:
        if "textfont" in trace:
            trace.textfont.size = font_size
    if height is not None:
        fig.update_layout(height=height)
    return fig


def label_bars(fig: go.Figure, frame: pd.DataFrame, owner: str, text: Callable[[Mapping[str, object]], str]
               ) -> go.Figure:
    """Replace the text on each horizontal bar (whose y is an ``owner`` value of ``frame``) with
    ``text(row)``; bars of owners not in ``frame`` keep theirs."""
    # the bars' y are the owners as chart text (escaped by the builders)
    rows = {plotly_text(r[owner]): r for r in frame.to_dict("records") if not _missing(r[owner])}
    for trace in fig.data:
        if trace.type != "bar" or trace.y is None:
            continue
        old = list(trace.text) if trace.text is not None else [""] * len(trace.y)
        trace.text = [plotly_text(text(rows[str(y)])) if str(y) in rows else was for y, was in zip(trace.y, old, strict=True)]
    return fig


# --- switching the mode (Streamlit callbacks) ----------------------------------------------------

def forget_presenter_state() -> None:
    """On entering or leaving meeting mode: back to the first slide, names shown, no automatic
    advance, and pay figures back to each page's own default (off in a meeting)."""
    for key in (SLIDE_STATE, PAY_KEY, ANON_KEY, AUTO_KEY, ANON_SEED, ANON_PAY_KEY):
        st.session_state.pop(key, None)
    for key in (SLIDE_KEY, ANON_KEY, AUTO_KEY, PAY_KEY):
        if key in st.query_params:
            del st.query_params[key]


def exit_meeting() -> None:
    """The "Exit meeting mode" button: switch the sidebar's ``meet`` toggle off."""
    st.session_state["meet"] = False
    forget_presenter_state()

