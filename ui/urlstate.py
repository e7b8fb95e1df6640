"""Widgets whose value lives in the URL, with language-independent values.

Streamlit's ``bind="query-params"`` stores the *formatted* label of an option, so a link made in
Chinese (``?p=2026年11月``) would not open in English. We keep the raw option (``?p=2026-11``)
instead: seed the widget's state from the URL on first use, then write the value back after
every run. Values a link carries that the data does not have are collected so the page can say
they were ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

_IGNORED = "_url_ignored"


def ignored() -> list[str]:
    """``key=value`` pairs from the link that were not valid for this data, in this run."""
    return st.session_state.get(_IGNORED, [])


def reset_ignored() -> None:
    st.session_state[_IGNORED] = []


def _note(key: str, value: str) -> None:
    st.session_state.setdefault(_IGNORED, []).append(f"{key}={value}")


def _seeded(key: str) -> bool:
    return st.session_state.get(f"_seeded:{key}", False)


def _seed_single(key: str, options: Sequence[str], default: str) -> None:
    if key in st.session_state and st.session_state[key] in options:
        return
    value = default
    if not _seeded(key):
        url = st.query_params.get(key)
        if url is not None:
            if url in options:
                value = url
            else:
                _note(key, url)
    st.session_state[key] = value
    st.session_state[f"_seeded:{key}"] = True


def _publish(key: str, value: Any, default: Any) -> None:
    if value == default or value in (None, [], ()):
        if key in st.query_params:
            del st.query_params[key]
        return
    if isinstance(value, (list, tuple)):
        st.query_params[key] = [str(v) for v in value]
    elif isinstance(value, date):
        st.query_params[key] = value.isoformat()
    else:
        st.query_params[key] = str(value)


def selectbox(container, label: str, options: Sequence[str], key: str, default: str,
              format_func: Callable[[str], str] = str, **kwargs: Any) -> str:
    _seed_single(key, options, default)
    value = container.selectbox(label, options, key=key, format_func=format_func, **kwargs)
    _publish(key, value, default)
    return value


def segmented(container, label: str, options: Sequence[str], key: str, default: str,
              format_func: Callable[[str], str] = str, **kwargs: Any) -> str:
    _seed_single(key, options, default)
    value = container.segmented_control(label, options, key=key, format_func=format_func, **kwargs)
    if value is None:  # a click on the selected segment clears it; keep the default instead
        value = default
    _publish(key, value, default)
    return value


def multiselect(container, label: str, options: Sequence[str], key: str, **kwargs: Any) -> list[str]:
    if key not in st.session_state or not set(st.session_state[key]) <= set(options):
        chosen: list[str] = []
        if not _seeded(key):
            for v in st.query_params.get_all(key):
                if v in options:
                    if v not in chosen:
                        chosen.append(v)
                elif v:
                    _note(key, v)
        else:
            chosen = [v for v in st.session_state.get(key, []) if v in options]
        st.session_state[key] = chosen
        st.session_state[f"_seeded:{key}"] = True
    value = container.multiselect(label, options, key=key, **kwargs)
    _publish(key, value, [])
    return value


def date_input(container, label: str, key: str, default: date, **kwargs: Any) -> date:
    if key not in st.session_state:
        value = default
        url = st.query_params.get(key) if not _seeded(key) else None
        if url:
            try:
                value = date.fromisoformat(url)
            except ValueError:
                _note(key, url)
        st.session_state[key] = value
        st.session_state[f"_seeded:{key}"] = True
    value = container.date_input(label, key=key, **kwargs)
    if not isinstance(value, date):
        value = default
    _publish(key, value, default)
    return value


def toggle(container, label: str, key: str, default: bool = False, **kwargs: Any) -> bool:
    if key not in st.session_state:
        url = st.query_params.get(key) if not _seeded(key) else None
        st.session_state[key] = (url == "1") if url in ("0", "1") else default
        st.session_state[f"_seeded:{key}"] = True
    value = container.toggle(label, key=key, **kwargs)
    _publish(key, "1" if value else "0", "1" if default else "0")
    return value


def switch_page(page: str, **params: str) -> None:
    """Open ``page`` keeping every URL-kept setting (filters, period, language) plus ``params``.

    ``st.switch_page`` interrupts the run and drops widget values, so the next run must seed
    every widget from the link again: forget which keys were seeded.
    """
    keep = [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k not in params]
    for key in [k for k in st.session_state if str(k).startswith("_seeded:")]:
        del st.session_state[key]
    for key in params:
        st.session_state.pop(key, None)
    st.switch_page(page, query_params=[*keep, *params.items()])
