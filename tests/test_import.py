"""Import end to end: a file's bytes → canonical rows, every row loaded or rejected with a reason."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import Workbook

from analytics.ingest.importer import import_file
from analytics.ingest.mapping import MappingMemory, detect_table
from analytics.messages import InputError
from tests.conftest import dataset


def one(data: bytes, name: str, **kw):
    results = import_file(data, name, **kw)
    assert len(results) == 1
    r = results[0]
    assert r.rows_read == r.rows_loaded + r.rows_rejected  # nothing lost silently
    return r


def day(s: str) -> pd.Timestamp:
    return pd.Timestamp(s)


SALESFORCE = (
    b"Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Close Date,Created Date\n"
    b'O-1,Big deal,Acme,Ann Lee,Closed Won,"$12,500.00",9/30/2026,8/01/2026\n'
    b'O-2,Lost one,Beta,Ann Lee,Closed Lost,"$3,000.00",9/15/2026,7/20/2026\n'
    b'O-3,Open one,Gamma,Bo Chen,Negotiation/Review,"$8,000.00",12/15/2026,10/02/2026\n'
    b'O-4,No amount won,Delta,Bo Chen,Closed Won,,9/20/2026,8/20/2026\n'
    b'O-5,Negative,Eps,Bo Chen,Closed Won,"($500.00)",9/21/2026,8/21/2026\n'
    b'O-1,Repeat,Acme,Ann Lee,Closed Won,"$1.00",9/30/2026,8/01/2026\n'
    b'O-6,Lost no date,Zeta,Ann Lee,Closed Lost,"$10",,8/01/2026\n'
    b'O-7,Open no amount,Eta,Ann Lee,Prospecting,,,\n'
    b'O-8,Bad date,Theta,Ann Lee,Closed Won,"$10",31/31/2026,8/01/2026\n'
)


def test_salesforce_report_values_status_and_rejections():
    r = one(SALESFORCE, "sf.csv")
    assert r.table == "deals"
    f = r.frame.set_index("deal_id")
    # rows 2..10 in the file (header is row 1): 9 read; loaded O-1, O-2, O-3, O-7 = 4.
    assert r.rows_read == 9
    assert sorted(f.index) == ["O-1", "O-2", "O-3", "O-7"]
    assert f.loc["O-1", "amount"] == 12500.0 and f.loc["O-1", "status"] == "won"
    assert f.loc["O-1", "close_date"] == day("2026-09-30")
    assert f.loc["O-2", "status"] == "lost"
    assert f.loc["O-3", "status"] == "open" and f.loc["O-3", "amount"] == 8000.0
    assert pd.isna(f.loc["O-7", "amount"])  # blank amount on an open deal is kept
    assert f.loc["O-1", "source_row"] == 2
    reasons = {row: " ".join(p.code for p in probs) for row, probs, _ in r.rejected}
    assert reasons[5] == "won_without_amount"       # O-4 on file row 5
    assert reasons[6] == "negative_amount"          # O-5 "($500.00)"
    assert reasons[7] == "duplicate_of"             # second O-1
    assert reasons[8] == "closed_without_date"      # lost without close date
    assert "bad_value" in reasons[10]               # 31/31/2026
    dup_text = next(p for row, probs, _ in r.rejected if row == 7 for p in probs).text("en")
    assert "duplicate of row 2" in dup_text
    codes = {p.code for p in r.warnings}
    assert {"warn_blank_amount", "warn_blank_created", "warn_duplicates"} <= codes


def test_chinese_gbk_ledger():
    text = ("客户名称,销售人员,阶段,合同金额（元）,签约日期,订单号\n"
            "华为,张伟,赢单,\"1,200,000\",2026年10月8日,A1\n"
            "腾讯,李娜,丢单,3.5万,2026年10月9日,A2\n"
            "阿里,张伟,销售谈判,80000,2026年12月1日,A3\n")
    r = one(text.encode("gb18030"), "台账.csv")
    assert r.table == "deals" and r.rows_loaded == 3
    f = r.frame.set_index("deal_id")
    assert f.loc["A1", "amount"] == 1_200_000 and f.loc["A1", "status"] == "won"
    assert f.loc["A1", "close_date"] == day("2026-10-08")
    assert f.loc["A2", "amount"] == 35_000 and f.loc["A2", "status"] == "lost"
    assert f.loc["A3", "status"] == "open"
    assert r.rejected_frame("zh").columns[:2].tolist() == ["行号", "原因"]


def test_sales_list_without_stage_is_all_won_and_keeps_order_lines():
    text = ("Order ID,Order Date,Customer Name,Sales,Quantity\n"
            "CA-1,2015-01-03,Ann,100.50,2\nCA-1,2015-01-03,Ann,20,1\nCA-2,2015-02-01,Bob,5,1\n")
    r = one(text.encode(), "orders.csv")
    assert r.rows_loaded == 3 and set(r.frame["status"]) == {"won"}
    assert r.frame["amount"].sum() == pytest.approx(125.5)
    assert {p.code for p in r.notes} >= {"note_sales_list", "note_order_lines", "note_no_rep"}


def test_missing_required_column_names_it_and_lists_found():
    text = "Opportunity ID,Stage,Owner,Close Date\nX,Won,Ann,2026-11-01\n"
    r = one(text.encode(), "x.csv", table="deals")
    assert not r.ok and r.rows_loaded == 0 and r.rows_rejected == 1
    msg = r.errors[0].text("en")
    assert "amount" in msg and "Opportunity ID, Stage, Owner, Close Date" in msg and "x.csv" in msg
    assert "金额" not in msg and "amount" in r.errors[0].text("zh")


def test_map_override_and_remembered_mapping(tmp_path):
    text = "Ref,Seller,Phase,Value,When\nR1,Ann,Won,10,2026-11-01\nR2,Bob,Lost,5,2026-11-02\n"
    data = text.encode()
    overrides = {"Ref": "deal_id", "Seller": "rep", "Phase": "stage", "Value": "amount", "When": "close_date"}
    r = one(data, "odd.csv", table="deals", overrides=overrides)
    assert r.rows_loaded == 2 and r.frame["amount"].sum() == 15
    memory = MappingMemory(tmp_path / "m.json")
    memory.remember(r.headers, r.mapping)
    again = one(data, "odd_next_month.csv", memory=memory)
    assert again.table == "deals" and again.rows_loaded == 2
    assert "note_mapping_remembered" in {p.code for p in again.notes}


def test_targets_periods_in_every_form():
    text = ("Period,Rep,Team,Target\n2026-10,Ann,East,100\n2026-Q4,Ann,East,300\n2026,,,1200\n"
            "2026-11-01,Bob,East,50\n12/1/2026,Bob,East,60\nsoon,Bob,East,70\n2026-10,Cy,East,0\n")
    r = one(text.encode(), "targets.csv")
    assert r.table == "targets"
    got = r.frame[["period", "rep", "target"]].astype(object).where(r.frame[["period", "rep", "target"]].notna(), None)
    assert got.values.tolist() == [["2026-10", "Ann", 100.0], ["2026-Q4", "Ann", 300.0], ["2026", None, 1200.0],
                                   ["2026-11", "Bob", 50.0], ["2026-12", "Bob", 60.0]]
    assert r.frame.loc[1, "period_start"] == day("2026-10-01") and r.frame.loc[1, "period_end"] == day("2026-12-31")
    assert {row: probs[0].code for row, probs, _ in r.rejected} == {7: "bad_period", 8: "target_not_positive"}
    assert set(r.frame["metric"]) == {"revenue"}


def test_wide_targets_unpivot_skips_dashes():
    text = "Year,Rep,Jan,Feb,Mar\n2026,Ann,10,-,30\n2026,Bob,,20,\n"
    r = one(text.encode(), "quota.csv")
    assert r.table == "targets" and "note_wide_targets" in {p.code for p in r.notes}
    got = sorted(zip(r.frame["rep"], r.frame["period"], r.frame["target"], strict=True))
    assert got == [("Ann", "2026-01", 10.0), ("Ann", "2026-03", 30.0), ("Bob", "2026-02", 20.0)]
    # rows_read counts the owner-month cells that carry a target (3 here)
    assert r.rows_loaded == 3


def test_surveys_need_a_score():
    text = "Date,Customer,CSAT,NPS,Comment\n2026-11-01,A,5,9,great\n2026-11-02,B,,,nothing\n2026-11-03,C,7,,oops\n"
    r = one(text.encode(), "survey.csv")
    assert r.table == "surveys" and r.rows_loaded == 1
    codes = {row: [p.code for p in probs] for row, probs, _ in r.rejected}
    assert codes == {3: ["no_score"], 4: ["out_of_range"]}


def test_xlsx_with_title_rows_and_several_tables():
    wb = Workbook()
    ws = wb.active
    ws.title = "Deals"
    ws.append(["Pipeline report"])
    ws.append(["Printed 2026-11-30"])
    ws.append([])
    ws.append(["Deal ID", "Owner", "Stage", "Amount", "Close Date"])
    ws.append(["D1", "Ann", "Won", 1200.5, date(2026, 11, 3)])
    ws.append(["D2", "Bob", "Lost", 99, date(2026, 11, 4)])
    t = wb.create_sheet("Quota")
    t.append(["Month", "Rep", "Quota"])
    t.append(["2026-11", "Ann", 1000])
    buf = io.BytesIO()
    wb.save(buf)
    results = import_file(buf.getvalue(), "book.xlsx")
    by = {r.table: r for r in results}
    assert set(by) == {"deals", "targets"}
    deals = by["deals"]
    assert deals.header_row == 4 and deals.rows_loaded == 2
    assert deals.frame["source_row"].tolist() == [5, 6]
    assert deals.frame.loc[0, "close_date"] == day("2026-11-03")
    assert by["targets"].frame.loc[0, "target"] == 1000


def test_formula_and_html_stay_text():
    text = 'Deal ID,Owner,Stage,Amount,Close Date,Customer\nD1,Ann,Won,5,2026-11-01,"=HYPERLINK(""x"")"\nD2,<b>Bo</b>,Won,6,2026-11-01,@SUM(A1)\n'
    r = one(text.encode(), "f.csv")
    assert r.frame["customer"].tolist() == ['=HYPERLINK("x")', "@SUM(A1)"]
    assert r.frame["rep"].tolist() == ["Ann", "<b>Bo</b>"]


def test_unreadable_file_is_one_clear_error():
    with pytest.raises(InputError) as err:
        import_file(b"%PDF-1.4 binary \x00\x01\x02", "report.csv")
    assert "report.csv" in err.value.text("en")


def test_detect_table_vendor_headers():
    hubspot = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Deal owner", "Close Date", "Create Date"]
    pipedrive = ["Deal - Title", "Deal - Value", "Organization", "Deal - Owner", "Deal - Stage (pipeline)",
                 "Deal - Creation date", "Deal - Closed on", "Deal - Status", "Deal - Pipedrive System ID"]
    zoho = ["Owner", "Deal_Name", "Amount", "Closing_Date", "Stage", "Account_Name", "Campaign_Source"]
    odoo = ["Opportunity", "Customer", "Stage", "Salesperson", "Sales Team", "Expected Revenue",
            "Expected Closing", "Probability", "Creation Date"]
    salesforce = ["Territory Region", "Opportunity Owner", "Account Name", "Opportunity Name", "Stage",
                  "Forecast Category", "Total Amount Currency", "Total Amount", "Close Date", "Type"]
    chinese = ["客户名称", "销售人员(填写分机)", "添加时间", "销售团队", "项目预算", "所属省份(必填)", "项目阶段(必填)", "行业"]
    expect = {
        "hubspot": (hubspot, {"Record ID": "deal_id", "Deal owner": "rep", "Deal Stage": "stage", "Amount": "amount",
                              "Create Date": "created_date"}),
        "pipedrive": (pipedrive, {"Deal - Value": "amount", "Deal - Owner": "rep", "Deal - Status": "status",
                                  "Deal - Pipedrive System ID": "deal_id", "Deal - Closed on": "close_date"}),
        "zoho": (zoho, {"Owner": "rep", "Deal_Name": "deal_id", "Closing_Date": "close_date",
                        "Campaign_Source": "lead_source"}),
        "odoo": (odoo, {"Opportunity": "deal_id", "Salesperson": "rep", "Sales Team": "team",
                        "Expected Revenue": "amount", "Creation Date": "created_date"}),
        "salesforce": (salesforce, {"Opportunity Owner": "rep", "Total Amount": "amount", "Stage": "stage",
                                    "Opportunity Name": "deal_id", "Territory Region": "region"}),
        "chinese": (chinese, {"客户名称": "customer", "销售人员(填写分机)": "rep", "项目预算": "amount",
                              "项目阶段(必填)": "stage", "销售团队": "team", "行业": "segment", "添加时间": "created_date"}),
    }
    for vendor, (headers, wanted) in expect.items():
        m = detect_table(headers)
        assert m is not None and m.table == "deals", vendor
        for header, column in wanted.items():
            assert m.columns[header] == column, (vendor, header, m.columns[header])
    assert detect_table(salesforce).columns["Forecast Category"] is None
    assert detect_table(salesforce).columns["Total Amount Currency"] == "currency"


# --- real data -------------------------------------------------------------------------------

@pytest.mark.real_data
def test_maven_pipeline_accounts_for_every_row():
    path = dataset("maven-crm/sales_pipeline.csv")
    r = one(path.read_bytes(), path.name)
    assert r.rows_read == 8800 and r.rows_loaded + r.rows_rejected == 8800
    assert r.rows_loaded == 8800  # every row is valid; the 500 prospects without engage date are kept
    f = r.frame
    assert (f["status"] == "won").sum() == 4238 and (f["status"] == "lost").sum() == 2473
    assert f.loc[f["status"] == "won", "amount"].sum() == 10_005_534
    blank_created = next(p for p in r.warnings if p.code == "warn_blank_created")
    assert blank_created.params["count"] == 500


@pytest.mark.real_data
def test_maven_excel_resaved_gives_the_same_table():
    a = one(dataset("maven-crm/sales_pipeline.csv").read_bytes(), "a.csv").frame
    b = one(dataset("maven-crm/excel-resaved/sales_pipeline.csv").read_bytes(), "b.csv").frame
    cols = ["deal_id", "rep", "customer", "stage", "status", "amount", "created_date", "close_date", "product"]
    pd.testing.assert_frame_equal(a[cols].reset_index(drop=True), b[cols].reset_index(drop=True))


@pytest.mark.real_data
def test_superstore_xls_orders_sheet_is_a_sales_list():
    path = dataset("superstore/superstore-2015.xls")
    results = import_file(path.read_bytes(), path.name, sheet="Orders")
    r = results[0]
    assert r.table == "deals" and r.rows_read == 9994 and r.rows_loaded == 9994
    assert set(r.frame["status"]) == {"won"}
    assert round(r.frame["amount"].sum(), 2) == 2_297_200.86
    assert r.frame["deal_id"].nunique() == 5009 and r.frame["customer"].nunique() == 793
    by_segment = r.frame.groupby("segment")["amount"].sum().round(2).to_dict()
    assert by_segment == {"Consumer": 1_161_401.34, "Corporate": 706_146.37, "Home Office": 429_653.15}


@pytest.mark.real_data
def test_adventureworks_wide_utf16_targets_unpivot():
    path = dataset("adventureworks/pl300/ResellerSalesTargets.csv")
    r = one(path.read_bytes(), path.name)
    assert r.table == "targets" and r.rows_rejected == 0
    raw = pd.read_csv(path, encoding="utf-16", dtype=str)
    month_cells = raw[[f"M{m:02d}" for m in range(1, 13)]]
    filled = int((month_cells.notna() & (month_cells.apply(lambda c: c.str.strip()) != "-")).sum().sum())
    assert r.rows_loaded == filled
    first = raw.iloc[0]
    ann = r.frame[(r.frame["rep"] == first["EmployeeID"]) & (r.frame["period"] == f"{first['Year']}-07")]
    assert ann["target"].tolist() == [float(first["M07"])]


@pytest.mark.real_data
def test_adventureworks_quota_history_dates_become_months():
    path = dataset("adventureworks/oltp/SalesPersonQuotaHistory.csv")
    r = one(path.read_bytes(), path.name)
    assert r.table == "targets" and r.rows_loaded == 163
    rep = r.frame[r.frame["rep"] == "274"].sort_values("period_start")
    assert rep["target"].tolist()[:4] == [28000, 7000, 91000, 140000]
    assert rep["period"].tolist()[0] == "2011-05"


def test_a_sheet_can_be_kept_raw_with_its_own_column_types():
    text = ("Deal ID,Owner,Stage,Amount,Close Date,Code\nD1,Ann,Won,\"1,200\",2026-11-01,00123\n"
            "D2,Bob,Lost,-5,2026-11-02,00456\n")
    r = one(text.encode(), "any.csv", table="raw")
    assert r.table is None and "note_kept_raw" in {p.code for p in r.notes}
    f = r.frame
    assert f["Amount"].tolist() == [1200.0, -5.0]               # numbers, negatives allowed in a raw table
    assert f["Close Date"].tolist() == [day("2026-11-01"), day("2026-11-02")]
    assert f["Code"].tolist() == ["00123", "00456"]               # codes keep their leading zeros
    assert f["Owner"].tolist() == ["Ann", "Bob"]


# --- units, currencies, vendor dates, loud failures (issue 12) -------------------------------

def test_unit_in_the_header_scales_the_values_and_says_so():
    text = "销售人员,月份,销售目标（万元）\n张伟,2026-09,50\n李娜,2026-09,4.5\n"
    r = one(text.encode("utf-8"), "目标.csv")
    assert r.table == "targets"
    assert sorted(r.frame["target"]) == [45000.0, 500000.0]      # 4.5 万 and 50 万
    assert set(r.frame["currency"]) == {"CNY"}                   # 元 in the unit
    assert any(p.code == "note_unit_scaled" for p in r.notes)
    assert r.mapping.units["销售目标（万元）"].factor == 10000


def test_thousands_in_an_english_header():
    text = "Rep,Month,Quota ('000)\nAnn,2026-10,120\n"
    r = one(text.encode(), "quota.csv")
    assert list(r.frame["target"]) == [120000.0]
    assert r.frame["currency"].isna().all()                      # no currency stated anywhere


def test_currency_from_a_column_from_symbols_and_from_the_header():
    col = one(b"Deal ID,Owner,Stage,Amount,Currency,Close Date\nD1,Ann,Won,100,EUR,2026-10-01\n"
              b"D2,Bob,Won,50,,2026-10-02\n", "c.csv")
    assert list(col.frame["currency"]) == ["EUR", "EUR"]        # one currency, recorded on every row
    cells = one("Deal ID,Owner,Stage,Amount,Close Date\nD1,Ann,Won,¥1200,2026-10-01\n".encode(), "s.csv")
    assert list(cells.frame["currency"]) == ["CNY"] and list(cells.frame["amount"]) == [1200.0]
    head = one(b"Deal ID,Owner,Stage,Amount (USD),Close Date\nD1,Ann,Won,1200,2026-10-01\n", "h.csv")
    assert list(head.frame["currency"]) == ["USD"]


MIXED = (b"Deal ID,Owner,Stage,Amount,Currency,Close Date\n"
         b"D1,Ann,Won,100,CNY,2026-10-01\nD2,Bob,Won,10,USD,2026-10-05\nD3,Bob,Won,20,USD,2026-11-05\n"
         b"D4,Cy,Won,5,EUR,2026-11-09\n")


def test_a_file_mixing_currencies_is_refused_naming_them():
    r = one(MIXED, "mixed.csv")
    assert not r.ok and r.rows_loaded == 0
    text = r.errors[0].text("en")
    assert "CNY, EUR, USD" in text and "exchange-rate" in text


def test_a_file_mixing_currencies_is_converted_with_uploaded_rates():
    rates = one(b"Currency,Month,Rate\nUSD,2026-10,7.1\nUSD,2026-11,7.2\nEUR,,7.8\n", "fx.csv", table="fx_rates")
    r = one(MIXED, "mixed.csv", fx_rates=rates.frame)
    amounts = r.frame.set_index("deal_id")["amount"]
    # CNY stays; USD at its month's rate; EUR at its every-month rate (period blank).
    assert amounts.to_dict() == pytest.approx({"D1": 100.0, "D2": 71.0, "D3": 144.0, "D4": 39.0})
    assert set(r.frame["currency"]) == {"CNY"}
    assert any(p.code == "note_converted" for p in r.notes)


def test_a_missing_rate_rejects_the_row_by_name():
    rates = one(b"Currency,Month,Rate\nUSD,2026-10,7.1\nEUR,,7.8\n", "fx.csv", table="fx_rates")
    r = one(MIXED, "mixed.csv", fx_rates=rates.frame)
    reasons = {row: [p.text("en") for p in probs] for row, probs, _ in r.rejected}
    assert reasons == {4: ["no exchange rate for USD in 2026-11"]}
    assert r.rows_loaded == 3


def test_won_and_lost_times_are_the_close_dates_of_won_and_lost_deals():
    text = ("Deal - ID,Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Status,"
            "Deal - Expected close date,Deal - Won time,Deal - Lost time\n"
            "1,A,100,Ann,Negotiations Started,Won,2026-09-15,2026-10-03 11:20:00,\n"
            "2,B,50,Ann,Qualified,Open,2026-12-01,,\n"
            "3,C,80,Bob,Proposal Made,Lost,2026-10-20,,2026-10-12 15:00:00\n")
    r = one(text.encode(), "pipedrive.csv")
    f = r.frame.set_index("deal_id")
    assert f.loc["1", "close_date"] == day("2026-10-03")        # won time, not the expected date
    assert f.loc["2", "close_date"] == day("2026-12-01")        # open: the expected close date
    assert f.loc["3", "close_date"] == day("2026-10-12")        # lost time
    assert list(f["status"]) == ["won", "open", "lost"]         # from the status column
    assert any(p.code == "note_close_by_status" for p in r.notes)


def test_excel_error_cells_are_reported_as_such():
    wb = Workbook()
    ws = wb.active
    ws.append(["Deal ID", "Owner", "Stage", "Amount", "Close Date"])
    ws.append(["D1", "Ann", "Won", 100, "2026-10-01"])
    ws.append(["D2", "Bob", "Won", "#N/A", "2026-10-02"])
    ws.append(["D3", "#REF!", "Won", 5, "2026-10-03"])
    buf = io.BytesIO()
    wb.save(buf)
    r = one(buf.getvalue(), "errors.xlsx")
    reasons = {row: [p.text("en") for p in probs] for row, probs, _ in r.rejected}
    assert reasons == {
        3: ["Amount holds the Excel error #N/A (a formula that failed); fix it in the workbook"],
        4: ["Owner holds the Excel error #REF! (a formula that failed); fix it in the workbook"]}


def test_a_targets_file_that_loads_nothing_is_an_error():
    r = one(b"Rep,Month,Target\nAnn,2026-10,0\nBob,2026-11,0\n", "targets.csv", table="targets")
    assert not r.ok and r.errors[0].code == "nothing_loaded"
    assert "target '0' must be greater than 0 (2" in r.errors[0].text("en")
    assert len(r.rejected) == 2                                  # the rows and reasons stay visible


def test_a_workbook_given_as_deals_takes_the_deal_sheets_and_names_the_others():
    wb = Workbook()
    deals = wb.active
    deals.title = "Q3 deals"
    deals.append(["Deal ID", "Owner", "Stage", "Amount", "Close Date"])
    deals.append(["D1", "Ann", "Won", 100, "2026-10-01"])
    quota = wb.create_sheet("Quota")
    quota.append(["Rep", "Month", "Quota"])
    quota.append(["Ann", "2026-10", 500])
    cover = wb.create_sheet("Read me")
    cover.append(["Exported by", "CRM"])
    cover.append(["on", "2026-10-05"])
    buf = io.BytesIO()
    wb.save(buf)
    results = import_file(buf.getvalue(), "book.xlsx", table="deals")
    by_sheet = {r.sheet_name: r for r in results}
    assert by_sheet["Q3 deals"].table == "deals" and by_sheet["Q3 deals"].rows_loaded == 1
    for name in ("Quota", "Read me"):
        assert by_sheet[name].table is None and by_sheet[name].ok
        assert by_sheet[name].notes[0].code == "sheet_skipped"
    assert "sheet 'Quota' was skipped: it does not hold Deals (it looks like Targets)" in by_sheet["Quota"].notes[0].text("en")
    assert "(no column for amount, close_date)" in by_sheet["Read me"].notes[0].text("en")


def test_cli_exits_2_when_a_targets_file_loads_nothing(tmp_path, capsys):
    from analytics.outputs.cli import main

    deals = tmp_path / "deals.csv"
    deals.write_bytes(b"Deal ID,Owner,Stage,Amount,Close Date\nD1,Ann,Won,100,2026-10-01\n")
    targets = tmp_path / "targets.csv"
    targets.write_bytes(b"Rep,Month,Target\nAnn,2026-10,0\n")
    code = main(["attainment", "--deals", str(deals), "--targets", str(targets), "--period", "2026-10"])
    err = capsys.readouterr().err
    assert code == 2 and "none of the 1 row(s) could be loaded as Targets" in err and "greater than 0" in err


def test_forecast_periods_written_as_month_names():
    r = one(b"Owner,Period,Quota\nAnn,October 2026,100\nBob,Oct 2026,90\n", "forecast.csv")
    assert r.table == "targets" and list(r.frame["period"]) == ["2026-10", "2026-10"]


def test_a_column_named_right_but_holding_other_values_is_explained():
    r = one(b"Rep,Month,Target\nAnn,soon,100\nBob,later,90\n", "targets.csv", table="targets")
    assert [p.code for p in r.errors] == ["missing_required", "values_do_not_fit"]
    assert "'Month' is named like period, but its values are not a month, quarter or year" in r.errors[1].text("en")


def _text_bytes(column: pd.Series) -> int:
    """Bytes of text buffer behind a pandas str column (every chunk it refers to)."""
    import pyarrow as pa

    arr = pa.array(column.array)
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    return sum(c.buffers()[2].size for c in chunks if c.buffers()[2] is not None)


def test_what_a_result_keeps_of_a_big_sheet_is_its_own() -> None:
    """Issue 19.3: the mapping editor's preview (5 rows) and a refused sheet's empty frame must not
    be views of the sheet's columns: an Arrow-backed slice keeps the whole buffer alive (100 MB per
    column of a million-row workbook, as long as the session caches the result)."""
    notes = "a note long enough to weigh " * 3
    lines = ["Deal ID,Stage,Amount,Close Date,Notes"]
    lines += [f"D{i},Won,{i},2026-10-01,{notes}{i}" for i in range(8_000)]
    data = ("\n".join(lines) + "\n").encode()
    from analytics.ingest.readers import read_file

    assert _text_bytes(read_file(data, "deals.csv")[0].frame["Notes"]) > 500_000  # one block of the reader
    loaded = import_file(data, "deals.csv")[0]
    assert loaded.ok and _text_bytes(loaded.preview["Notes"]) < 2_000
    mixed = [lines[0], *(f"D{i},Won,{'$' if i % 2 else '€'}{i},2026-10-01,{notes}{i}" for i in range(8_000))]
    refused = import_file(("\n".join(mixed) + "\n").encode(), "mixed.csv")[0]  # two currencies, no rates
    assert not refused.ok and len(refused.frame) == 0
    assert all(_text_bytes(refused.frame[c]) < 2_000 for c in refused.frame.columns
               if isinstance(refused.frame[c].dtype, pd.StringDtype))
    assert _text_bytes(refused.preview["Notes"]) < 2_000
