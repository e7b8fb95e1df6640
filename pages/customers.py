"""Placeholder until this page's issue lands."""

import streamlit as st

from ui.i18n import t

st.info(t("common.coming", command="--help"))
