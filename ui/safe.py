"""User values made safe for the two places that would otherwise read them as markup.

Every value that came from a user's data (a rep, customer or team name, a file name, a plan
name, a message quoting one) passes through one of these before it reaches:

- **Markdown** (``st.markdown``, captions, info boxes, metric and widget labels, subheaders):
  :func:`md`. Streamlit's Markdown would otherwise render ``**bold**``, links and bare URLs
  (``https://…``, ``www.…``, ``a@b.co``), ``:red[colour]`` and ``:material/icons:``, KaTeX
  ``$maths$``, headings, lists and tables from a name.
- **Plotly text** (axis categories, trace names, hover text, titles, annotations, bar labels):
  :func:`plotly_text`. Plotly reads a subset of HTML there (``<a href>``, ``<b>``, ``<br>``,
  ``<span style>``), so ``<a href=…>Open CRM</a>`` would become a live link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Every ASCII punctuation mark Markdown (CommonMark, GFM, Streamlit's directives, KaTeX) gives a
# meaning to. A backslash before any ASCII punctuation is a literal in CommonMark, so escaping
# too much is harmless; ':' breaks colour/icon directives and URL schemes, '.' and '@' bare
# web and e-mail addresses.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&=^%\"'/;?,])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def md(text: object) -> str:
    """``text`` as literal Markdown: no emphasis, link, bare URL, colour, icon, maths or block."""
    flat = _LINE_BREAKS.sub(" ", str(text))  # a new line could start a heading, list or table
    return _MD_SPECIAL.sub(r"\\\1", flat)


def plotly_text(value: object) -> str:
    """``value`` as literal text inside a Plotly label (its HTML subset): ``<``, ``>``, ``&`` as entities."""
    return html.escape(str(value), quote=False)


def plotly_texts(values: Iterable[object]) -> list[str]:
    """:func:`plotly_text` of each value (for category axes, hover text and bar labels)."""
    return [plotly_text(v) for v in values]


# The tags the app's own figures use; any other '<' in a figure's text is shown as a character.
_OWN_TAGS = re.compile(r"<(?!(?:br|/?b|/?extra)>)", re.IGNORECASE)


def _neutralise(value: object) -> object:
    if isinstance(value, str):
        return _OWN_TAGS.sub("&lt;", value) if "<" in value else value
    if isinstance(value, dict):
        return {k: _neutralise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_neutralise(v) for v in value]
    return value


def safe_figure(fig):
    """``fig`` with every text that could open a tag other than the app's own (``<br>``, ``<b>``,
    ``<extra>``) turned into a literal ``<``: the last guard before a figure is sent, for a value a
    builder forgot to pass through :func:`plotly_text`. Already escaped text is left as it is."""
    import plotly.graph_objects as go

    spec = fig.to_plotly_json()
    return go.Figure(_neutralise(spec))
