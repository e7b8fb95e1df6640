"""How pace looks everywhere: one colour per pace status (``analytics.metrics.attainment``), in
the shade each medium needs. Charts, the meeting badges and the report's cells all read it here, so
"behind" is the same orange on a screen, on a projector and in Excel.

Okabe–Ito colours: distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

#: Pace status → strong colour (bars, markers).
PACE_COLOURS = {"ahead": "#009E73", "on_pace": "#56B4E9", "behind": "#D55E00", "no_target": "#8A94A6"}
#: Pace status → light tint of the same colour, for a cell with text on it (Excel fills, no '#').
PACE_TINTS = {"ahead": "C6EFCE", "on_pace": "DDEBF7", "behind": "FFC7CE", "no_target": "EDEDED"}
#: Pace status → the nearest of Streamlit's named colours (``st.badge``).
PACE_BADGES = {"ahead": "green", "on_pace": "blue", "behind": "red", "no_target": "gray"}
