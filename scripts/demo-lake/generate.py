#!/usr/bin/env python3
"""Deterministic synthetic demo lake for the C-PG-1 catalog.

    python3 scripts/demo-lake/generate.py --out DIR [--seed N] [--scale small]

Writes one folder per table the shipped catalog reads, DIR/<database>/<table>/, holding part-00000.csv (Athena's CSV
dialect: every header name and every non-NULL value double-quoted, embedded quotes doubled, NULL = an empty unquoted
field, LF line ends, UTF-8 without BOM) and _schema.json ({"columns": [{"name", "type"}]} in file column order, Hive
types). The same seed always gives the same bytes.

The data is shaped like the real sources (company codes, currencies, posting groups, statuses in their stored case,
signed two-decimal amounts, dates on both sides of the 2025-09-30 cutoff including the cutoff day and 2025-10-01,
NULLs and empty strings, non-ASCII names, a value with a comma, a quote and a newline). It holds the witnesses the
catalog names and a few planted anomalies, so that a run at cutoff 2025-09-30 FAILs exactly the checks listed in
scripts/demo-lake/expected-outcome.json and PASSes every other one. docs/demo.md explains each anomaly.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from datetime import date, datetime, timedelta

CUTOFF = date(2025, 9, 30)

# The anomalies planted on purpose (docs/demo.md). Everything else in the lake is consistent.
ANOMALY_DUPLICATE_VOUCHER = ("JD_GH", "GHV9000001", "GHV-DUPL-0001")  # IPE_08: company, voucher id, code used under two voucher types
ANOMALY_NULL_CUSTOMER_ORDER = "7300000177"  # IPE_09: an order without customer id
ANOMALY_GL_VIEW_DIFF = ("EC_KE", "13005", 15000)  # CR_04: view balance 150.00 above the G/L (in cents)

# Witnesses named by the catalog (cutoff 2025-09-30).
WITNESS_CUSTOMER_ENTRY = 239726184  # IPE_07, EC_NG
WITNESS_PREPAID_ORDER = "309455475"  # IPE_10, EC_NG

# ----------------------------------------------------------------------------------------------------------------
# Reference data
# ----------------------------------------------------------------------------------------------------------------

# code, name, country, currency, opco/central, in consolidation scope, active
COMPANIES = [
    ("EC_NG", "Jumia Nigeria (Ecart Internet Services Nigeria Ltd)", "NG", "NGN", "Opco", 1, 1),
    ("JD_GH", "Jumia Ghana (Jade E-Services Ghana Ltd)", "GH", "GHS", "Opco", 1, 1),
    ("EC_IC", "Jumia Côte d'Ivoire", "CI", "XOF", "Opco", 1, 1),
    ("HF_SN", "Jumia Sénégal (Hello Food Senegal SARL)", "SN", "XOF", "Opco", 1, 1),
    ("EC_KE", "Jumia Kenya", "KE", "KES", "Opco", 1, 1),
    ("JD_UG", "Jumia Uganda", "UG", "UGX", "Opco", 1, 1),
    ("JD_DZ", "Jumia Algérie", "DZ", "DZD", "Opco", 1, 1),
    ("JM_EG", "Jumia Egypt", "EG", "EGP", "Opco", 1, 1),
    ("EC_MA", "Jumia Maroc", "MA", "MAD", "Opco", 1, 1),
    ("AT_TN", "Jumia Tunisie (Africa Internet Tunisia)", "TN", "TND", "Opco", 1, 1),
    ("EC_CM", "Jumia Cameroun", "CM", "XAF", "Opco", 1, 0),
    ("JD_TZ", "Jumia Tanzania", "TZ", "TZS", "Opco", 1, 0),
    ("JD_ZA", "Jumia South Africa", "ZA", "ZAR", "Opco", 1, 0),
    ("EC_RW", "Jumia Rwanda (dormant)", "RW", "RWF", "Opco", 0, 0),
    ("JT_DE", "Jumia Technologies AG", "DE", "EUR", "Central", 1, 1),
    ("JT_DE_USD", "Jumia Technologies AG (USD books)", "DE", "USD", "Central", 1, 1),
    ("JE_DE_USD", "Jumia Europe Services GmbH (USD books)", "DE", "USD", "Central", 1, 1),
    ("JU_US", "Jumia USA LLC", "US", "USD", "Central", 1, 1),
]
COMPANY = {c[0]: c for c in COMPANIES}
IN_SCOPE_9 = ["EC_NG", "JD_GH", "EC_IC", "HF_SN", "EC_KE", "JD_UG", "JD_DZ", "JM_EG", "EC_MA"]
OPCOS = IN_SCOPE_9 + ["AT_TN", "EC_CM", "JD_TZ", "JD_ZA", "EC_RW"]

COUNTRIES = [
    ("NG", "Nigeria"), ("GH", "Ghana"), ("CI", "Côte d'Ivoire"), ("SN", "Senegal"), ("KE", "Kenya"),
    ("UG", "Uganda"), ("DZ", "Algeria"), ("EG", "Egypt"), ("MA", "Morocco"), ("TN", "Tunisia"),
    ("CM", "Cameroon"), ("TZ", "Tanzania, United Republic of"), ("ZA", "South Africa"), ("RW", "Rwanda"),
    ("DE", "Germany"), ("US", "United States of America"), ("AE", "United Arab Emirates (the)"),
]
# units of local currency per USD (closing, September 2025); up to 6 decimals so that they are exact in decimal(38,10)
FX_SEPTEMBER = {
    "NG": "1475.250000", "GH": "11.825000", "CI": "558.614200", "SN": "558.614200", "KE": "129.200000",
    "UG": "3465.500000", "DZ": "129.613400", "EG": "48.185000", "MA": "9.042100", "TN": "2.893500",
    "CM": "558.614200", "TZ": "2455.000000", "ZA": "17.325400", "RW": "1448.000000", "DE": "0.851600",
    "AE": "3.672500",
}

POSTING_GROUPS_LISTED = ["B2C-NG-NAT", "B2B-NG-NAT", "NATIONAL", "NAT", "EXPORT", "EMP-NAT", "UE", "LOAN-REC-NAT",
                         "B2C-NG-INT", "EXCB2B-NAT", "INL", "OM"]
POSTING_GROUPS_OTHER = ["INTERCO", "STAFF-ADV"]

CUSTOMER_NAMES = [
    "Adébáyọ̀ Ọlátúnjí", "Chinwe Okafor", "Kouamé N'Guessan", "Zoë Müller", "Mohamed El Ghazali — محمد الغزالي",
    "Wanjiru Kamau", "Nana Ama Mensah", "Fatou Ndiaye", "Yasmine Benali", "Okello Ssemwanga", "Amira Fawzy",
    "Jean-Baptiste Kaboré", "Ibrahim Musa", "Grace Achieng", "Karim Haddad", "Ayşe Yılmaz", "Tunde Bakare",
    "Salma Idrissi", "Kwame Asante", "Mariam Diallo", "Peter Mwangi", "Chioma Eze", "Omar Farouk", "Lindiwe Dlamini",
]
# The one value with a comma, a double quote and a line break (Athena CSV must quote and double it).
TRICKY_NAME = 'Acme "Best" Traders, Lagos\nBranch 2'

BUSLINES = [
    ("RTL", "Retail", "Commerce", "1P", "Retail"),
    ("MPL", "Marketplace", "Commerce", "3P", "Marketplace"),
    ("JFOOD", "Jumia Food", "Food", "Delivery", "Restaurants"),
    ("JPAY", "JumiaPay", "Fintech", "Payments", "Wallet"),
    ("LOG", "Logistics", "Services", "Logistics", "Last mile"),
]

# group chart of accounts: number, name, IFRS levels 1-3
GROUP_ACCOUNTS = [
    ("13001", "Collections AR - Collection partners", "Assets", "Current assets", "Trade and other receivables"),
    ("13002", "Collections AR - Payment providers", "Assets", "Current assets", "Trade and other receivables"),
    ("13003", "Customer AR - Trade", "Assets", "Current assets", "Trade and other receivables"),
    ("13004", "Customer AR - Other", "Assets", "Current assets", "Trade and other receivables"),
    ("13005", "Packages delivered not reconciled", "Assets", "Current assets", "Trade and other receivables"),
    ("13009", "Customer AR - Allowance for doubtful accounts", "Assets", "Current assets", "Trade and other receivables"),
    ("13024", "Packages not reconciled - other", "Assets", "Current assets", "Trade and other receivables"),
    ("18304", "Marketplace accrued revenues", "Liabilities", "Current liabilities", "Trade and other payables"),
    ("18317", "Marketplace refund liability", "Liabilities", "Current liabilities", "Trade and other payables"),
    ("18350", "Customer prepayments", "Liabilities", "Current liabilities", "Contract liabilities"),
    ("18412", "Voucher liabilities", "Liabilities", "Current liabilities", "Contract liabilities"),
    ("18650", "Other accrued liabilities", "Liabilities", "Current liabilities", "Trade and other payables"),
    ("10010", "Bank - current accounts", "Assets", "Current assets", "Cash and cash equivalents"),
    ("40000", "Revenue - goods", "Income statement", "Revenue", "Revenue from contracts"),
]
CPG1_ACCOUNTS = ["13001", "13002", "13003", "13004", "13005", "13009", "13024", "18304", "18317", "18350", "18412"]

NAV_USERS = ["JUMIA/NAV31AFR.BATCH.SRVC", "JUMIA/A.OKONKWO", "JUMIA/F.BENSALAH", "JUMIA/K.OTIENO", "JUMIA/NAV31AFR.BATCH.SRVC"]


# ----------------------------------------------------------------------------------------------------------------
# Tables, values and the Athena CSV dialect
# ----------------------------------------------------------------------------------------------------------------

class Table:
    def __init__(self, database: str, name: str, columns: list[tuple[str, str]]):
        self.database = database
        self.name = name
        self.columns = columns
        self.names = [c[0] for c in columns]
        self.rows: list[dict] = []

    def add(self, **values) -> dict:
        unknown = set(values) - set(self.names)
        if unknown:
            raise KeyError(f"{self.database}.{self.name}: unknown columns {sorted(unknown)}")
        row = {n: values.get(n) for n in self.names}
        self.rows.append(row)
        return row


class Money(int):
    """An amount in cents, rendered with two decimals."""


class Rate(str):
    """A decimal rate kept as its exact text."""


def render(value, hive_type: str) -> str | None:
    if value is None:
        return None
    if hive_type == "boolean":
        return "true" if value else "false"
    if hive_type.startswith("decimal"):
        cents = int(value)
        sign = "-" if cents < 0 else ""
        return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
    if hive_type == "timestamp":
        return value.strftime("%Y-%m-%d %H:%M:%S") + f".{value.microsecond // 1000:03d}"
    if hive_type == "date":
        return value.strftime("%Y-%m-%d")
    return str(value)


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_table(out: str, table: Table) -> None:
    folder = os.path.join(out, table.database, table.name)
    os.makedirs(folder, exist_ok=True)
    lines = [",".join(quote(n) for n in table.names)]
    for row in table.rows:
        fields = []
        for name, hive_type in table.columns:
            text = render(row[name], hive_type)
            fields.append("" if text is None else quote(text))
        lines.append(",".join(fields))
    with open(os.path.join(folder, "part-00000.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    schema = {"columns": [{"name": n, "type": t} for n, t in table.columns]}
    with open(os.path.join(folder, "_schema.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(schema, indent=2) + "\n")


S, I, BI, TI, DB, D, TS = "string", "int", "bigint", "tinyint", "double", "date", "timestamp"
M = "decimal(38,2)"


def ts(y, mo, d, h=0, mi=0, s=0, ms=0) -> datetime:
    return datetime(y, mo, d, h, mi, s, ms * 1000)


class Gen:
    """Random helpers on one seeded generator, so every run with the same seed draws the same values."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def money(self, lo: int, hi: int) -> Money:
        """A positive amount between lo and hi units, with cents."""
        return Money(self.r.randint(lo * 100, hi * 100))

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.r.randint(0, (end - start).days))

    def moment(self, start: datetime, end: datetime) -> datetime:
        span = int((end - start).total_seconds() * 1000)
        return start + timedelta(milliseconds=self.r.randint(0, span - 1))

    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p: float) -> bool:
        return self.r.random() < p


# ----------------------------------------------------------------------------------------------------------------
# The lake
# ----------------------------------------------------------------------------------------------------------------

class Lake:
    def __init__(self, seed: int):
        self.g = Gen(seed)
        self.tables: list[Table] = []
        self.t = {}

    def table(self, database: str, name: str, columns) -> Table:
        table = Table(database, name, columns)
        self.tables.append(table)
        self.t[f"{database}.{name}"] = table
        return table

    def build(self) -> None:
        self.dimensions()
        self.customer_ledger()
        self.general_ledger()
        self.anaplan_view()
        self.fx_rates()
        self.order_items_and_vouchers()
        self.seller_center()
        self.cash_reconciliation()
        self.bob_orders()

    # --- FinRec dimensions --------------------------------------------------------------------------------------
    def dimensions(self) -> None:
        dim_company = self.table("finrec_fdw", "dim_company", [
            ("id_company", S), ("company_name", S), ("company_country", S), ("opco_central", S),
            ("flg_in_conso_scope", TI), ("is_active", TI), ("currency_code", S)])
        for code, name, country, currency, opco, scope, active in COMPANIES:
            dim_company.add(id_company=code, company_name=name, company_country=country, opco_central=opco,
                            flg_in_conso_scope=scope, is_active=active, currency_code=currency)

        dim_country = self.table("finrec_fdw", "dim_country", [("country_code", S), ("country_name", S)])
        for code, name in COUNTRIES:
            dim_country.add(country_code=code, country_name=name)

        dim_busline = self.table("finrec_fdw", "dim_busline", [
            ("id_company", S), ("busline_code", S), ("busline_name", S), ("busline_vertical_name_1", S),
            ("busline_vertical_name_2", S), ("busline_vertical_name_3", S)])
        for code in OPCOS:
            for bl, name, v1, v2, v3 in BUSLINES:
                dim_busline.add(id_company=code, busline_code=bl, busline_name=name, busline_vertical_name_1=v1,
                                busline_vertical_name_2=v2, busline_vertical_name_3=v3)

        # local NAV accounts: each group account has one local account, a few two
        coa = self.table("finrec_fdw", "dim_chartofaccounts", [
            ("id_company", S), ("g_l_account_no", S), ("account_name", S), ("group_coa_account_no", S),
            ("group_coa_account_name", S)])
        self.local_accounts: dict[str, list[tuple[str, str]]] = {}
        for code, *_ in COMPANIES:
            accounts = []
            for number, name, *_levels in GROUP_ACCOUNTS:
                locals_ = [number + "00"] + ([number + "10"] if number in ("13003", "18412", "13001") else [])
                for local in locals_:
                    suffix = "" if local.endswith("00") else " (second ledger)"
                    coa.add(id_company=code, g_l_account_no=local, account_name=name + suffix,
                            group_coa_account_no=number, group_coa_account_name=name)
                    accounts.append((local, number))
            self.local_accounts[code] = accounts

        ifrs = self.table("finrec", "gdoc_ifrs_tabular_mapping", [
            ("level_4_code", S), ("level_4_name", S), ("level_1_name", S), ("level_2_name", S), ("level_3_name", S)])
        for number, name, l1, l2, l3 in GROUP_ACCOUNTS:
            ifrs.add(level_4_code=number, level_4_name=name, level_1_name=l1, level_2_name=l2, level_3_name=l3)

        ctype = self.table("finrec", "rpt_dim_bob_customer_type", [
            ("bob_customer_type", S), ("customer_type_l1", S), ("customer_type_l2", S)])
        for t, l1, l2 in [("b2c", "Consumer", "Individual"), ("b2b", "Business", "SME"),
                          ("jforce", "Agent", "JForce agent"), ("employee", "Staff", "Employee")]:
            ctype.add(bob_customer_type=t, customer_type_l1=l1, customer_type_l2=l2)

    # --- NAV customer ledger (IPE_07) ---------------------------------------------------------------------------
    def customer_ledger(self) -> None:
        g = self.g
        customers = self.table("nav_bi", "customers", [
            ("id_company", S), ("no", S), ("name", S), ("busline", S), ("automatically_integrated", TI),
            ("customer_posting_group", S), ("stream", S)])
        cle = self.table("nav_bi", "customer_ledger_entries", [
            ("id_company", S), ("entry_no", BI), ("customer_no", S), ("posting_date", D), ("due_date", D),
            ("document_type", S), ("document_no", S), ("external_document_no", S), ("description", S),
            ("currency_code", S), ("original_amount", M), ("original_amt_lcy", M), ("open", TI),
            ("customer_posting_group", S), ("busline_code", S), ("department_code", S), ("source_code", S),
            ("reason_code", S), ("user_id", S), ("destination_code", S), ("partner_code", S),
            ("ic_partner_code", S), ("gl_entry_no", BI)])
        dcle = self.table("nav_bi", "detailed_customer_ledg_entry", [
            ("id_company", S), ("entry_no", BI), ("cust_ledger_entry_no", BI), ("customer_no", S),
            ("posting_date", D), ("entry_type", S), ("document_type", S), ("document_no", S), ("amount", M),
            ("amount_lcy", M), ("currency_code", S)])

        self._cle_no = 239700000
        self._dcle_no = 512300000
        name_iter = iter(CUSTOMER_NAMES * 40)

        def detail(company, entry, customer, posting, entry_type, amount_lcy, document_no, document_type):
            self._dcle_no += 1
            dcle.add(id_company=company, entry_no=self._dcle_no, cust_ledger_entry_no=entry, customer_no=customer,
                     posting_date=posting, entry_type=entry_type, document_type=document_type,
                     document_no=document_no, amount=amount_lcy, amount_lcy=amount_lcy, currency_code="")

        def ledger(company, customer, posting, doc_type, amount_lcy, group, entry_no=None, busline=None):
            if entry_no is None:
                self._cle_no += 1
                entry_no = self._cle_no
            country = COMPANY[company][2]
            prefix = {"Invoice": "SI", "Payment": "PAY", "Credit Memo": "SCM"}[doc_type]
            document_no = f"{country}{company[:2]}{prefix}{posting:%y%m}{entry_no % 100000:05d}"
            cle.add(id_company=company, entry_no=entry_no, customer_no=customer, posting_date=posting,
                    due_date=posting + timedelta(days=30 if doc_type == "Invoice" else 0), document_type=doc_type,
                    document_no=document_no,
                    external_document_no=(f"OMS-{g.r.randint(300000000, 399999999)}" if doc_type == "Invoice" else ""),
                    description=f"{doc_type} {customer}", currency_code="",
                    original_amount=amount_lcy, original_amt_lcy=amount_lcy, open=None,  # set below
                    customer_posting_group=group, busline_code=busline if busline is not None else g.pick(["RTL", "MPL", "JFOOD", ""]),
                    department_code=g.pick(["FIN", "COM", ""]), source_code=g.pick(["SALES", "CASHRECJNL", "GENJNL"]),
                    reason_code="", user_id=g.pick(NAV_USERS), destination_code="", partner_code="",
                    ic_partner_code=("" if group != "INTERCO" else "JT_DE"), gl_entry_no=entry_no + 880000000)
            detail(company, entry_no, customer, posting, "Initial Entry", amount_lcy, document_no, doc_type)
            return entry_no, document_no

        for company in OPCOS:
            n_customers = 14 if company in IN_SCOPE_9 else 5
            country = COMPANY[company][2]
            for k in range(1, n_customers + 1):
                customer = f"C{country}{k:06d}"
                name = "Ọlọ́run Ventures Ltd" if (company == "EC_NG" and k == 3) else next(name_iter)
                group = g.pick(POSTING_GROUPS_LISTED) if k % 7 else g.pick(POSTING_GROUPS_OTHER)
                customers.add(id_company=company, no=customer, name=name, busline=g.pick(["RTL", "MPL", "JFOOD", ""]),
                              automatically_integrated=g.pick([0, 1, 1]),
                              customer_posting_group=g.pick(POSTING_GROUPS_LISTED) if k % 5 else group,
                              stream=g.pick(["B2C", "B2B", "JForce", ""]))
                for _ in range(g.r.randint(1, 4)):
                    posting = g.day(date(2024, 6, 1), date(2025, 10, 12))
                    if g.chance(0.08):
                        posting = g.pick([CUTOFF, date(2025, 10, 1)])
                    amount = g.money(50, 90000)
                    entry_group = group if g.chance(0.85) else g.pick(POSTING_GROUPS_LISTED + POSTING_GROUPS_OTHER)
                    inv, inv_doc = ledger(company, customer, posting, "Invoice", amount, entry_group)
                    if g.chance(0.6):
                        pay_date = posting + timedelta(days=g.r.randint(0, 60))
                        if g.chance(0.1):
                            pay_date = g.pick([CUTOFF, date(2025, 10, 1)])
                            pay_date = max(pay_date, posting)
                        paid = amount if g.chance(0.5) else Money(int(amount * g.pick([0.25, 0.5, 0.8])))
                        pay, pay_doc = ledger(company, customer, pay_date, "Payment", Money(-paid), entry_group)
                        # application: both entries move, on the later of the two dates (or later still)
                        applied_on = pay_date + timedelta(days=g.pick([0, 0, 0, 2]))
                        detail(company, inv, customer, applied_on, "Application", Money(-paid), pay_doc, "Payment")
                        detail(company, pay, customer, applied_on, "Application", Money(paid), inv_doc, "Invoice")
            if company in IN_SCOPE_9:
                # a customer whose balance is zero although two of its entries are open (invoice and an unapplied
                # credit memo): IPE_07 leaves both out, the completeness checks explain the surplus
                customer = f"C{country}990001"
                customers.add(id_company=company, no=customer, name=next(name_iter), busline="RTL",
                              automatically_integrated=0, customer_posting_group="NATIONAL", stream="B2C")
                amount = g.money(100, 5000)
                ledger(company, customer, date(2025, 7, 14), "Invoice", amount, "NATIONAL")
                ledger(company, customer, date(2025, 8, 2), "Credit Memo", Money(-amount), "NATIONAL")

        # witness: EC_NG invoice 239726184, open at the cutoff
        customers.add(id_company="EC_NG", no="CNG777777", name=TRICKY_NAME, busline="MPL",
                      automatically_integrated=1, customer_posting_group="B2B-NG-NAT", stream="B2B")
        ledger("EC_NG", "CNG777777", date(2025, 9, 15), "Invoice", Money(1_845_000_00), "B2B-NG-NAT",
               entry_no=WITNESS_CUSTOMER_ENTRY, busline="MPL")
        # NAV's open flag as of today: an entry is open while its detailed entries do not net to zero
        remaining: dict[tuple[str, int], int] = {}
        for d in dcle.rows:
            key = (d["id_company"], d["cust_ledger_entry_no"])
            remaining[key] = remaining.get(key, 0) + int(d["amount_lcy"])
        for e in cle.rows:
            e["open"] = 1 if remaining.get((e["id_company"], e["entry_no"]), 0) != 0 else 0

    # --- NAV general ledger (CR_03, CR_04) ----------------------------------------------------------------------
    def general_ledger(self) -> None:
        g = self.g
        gle = self.table("nav_bi", "g_l_entries", [
            ("id_company", S), ("entry_no", BI), ("g_l_account_no", S), ("posting_date", D), ("document_date", D),
            ("document_no", S), ("external_document_no", S), ("voucher_no", S), ("document_type", S),
            ("description", S), ("busline_code", S), ("department_code", S), ("bal_account_type", S),
            ("bal_account_no", S), ("bal_account_name", S), ("reason_code", S), ("source_code", S), ("user_id", S),
            ("destination_code", S), ("partner_code", S), ("source_type", S), ("source_no", S),
            ("ic_partner_code", S), ("vendortag_code", S), ("customertag_code", S), ("service_period", S),
            ("amount", M), ("reversed", TI), ("system_created_entry", TI), ("g_l_creation_date", TS)])
        dgle = self.table("nav_bi", "detailed_g_l_entry", [
            ("id_company", S), ("entry_no", BI), ("g_l_entry_no", BI), ("g_l_account_no", S), ("posting_date", D),
            ("entry_type", S), ("document_no", S), ("amount", M)])
        descriptions = {
            "18412": ["REFUND voucher RF_{n}", "APOLOGY voucher CXP {n}", "PYT_{n} voucher usage", "EXPR_{n} expired vouchers",
                      "VOUCHER ACCRUAL {n}", "ITEMPRICECREDIT {n}", "Credit Memo {n}", "MANUAL RND {n}"],
            "13005": ["Packages delivered {n}", "COD collection {n}"],
            "18304": ["MPL commission accrual {n}", "BackMargin seller {n}", "bm rebate {n}", "Submitted fees {n}"],
        }
        entry_no = 0
        detail_no = 0
        self.gl_entries_by_company: dict[str, list[dict]] = {}
        for company, *_rest in COMPANIES:
            country = COMPANY[company][2]
            rows = []
            for local, group in self.local_accounts[company]:
                if company in ("JT_DE", "JT_DE_USD", "JE_DE_USD", "JU_US") and group not in ("10010", "18650", "40000"):
                    continue  # holding companies book no C-PG-1 activity
                n = g.r.randint(3, 9) if company in IN_SCOPE_9 else g.r.randint(0, 3)
                account_rows = []
                for _ in range(n):
                    entry_no += 1
                    posting = g.day(date(2024, 11, 1), date(2025, 10, 10))
                    if g.chance(0.1):
                        posting = g.pick([CUTOFF, date(2025, 10, 1)])
                    amount = g.money(10, 250000) * (1 if g.chance(0.55) else -1)
                    number = 100000000 + entry_no
                    pattern = g.pick(descriptions.get(group, ["Journal {n}", "Monthly accrual {n}"]))
                    voucher = f"V{country}{g.r.randint(10000000, 99999999)}" if group == "18412" else ""
                    row = gle.add(
                        id_company=company, entry_no=number, g_l_account_no=local, posting_date=posting,
                        document_date=posting - timedelta(days=g.r.randint(0, 3)),
                        document_no=f"{country}GJ{posting:%y%m}{entry_no:06d}", external_document_no=g.pick(["", f"EXT-{entry_no}"]),
                        voucher_no=voucher, document_type=g.pick(["", "Payment", "Invoice", "Credit Memo"]),
                        description=pattern.format(n=entry_no), busline_code=g.pick(["RTL", "MPL", ""]),
                        department_code=g.pick(["FIN", "OPS", ""]), bal_account_type=g.pick(["G/L Account", "Bank Account", "Customer"]),
                        bal_account_no=g.pick(["1001000", "BNK-01", ""]), bal_account_name=g.pick(["Bank - current accounts", "", "Suspense"]),
                        reason_code="", source_code=g.pick(["GENJNL", "SALES", "CASHRECJNL"]), user_id=g.pick(NAV_USERS),
                        destination_code="", partner_code="", source_type=g.pick(["", "Customer", "Vendor"]),
                        source_no=g.pick(["", f"C{country}{g.r.randint(1, 14):06d}"]), ic_partner_code="",
                        vendortag_code="", customertag_code="", service_period=f"{posting:%Y%m}",
                        amount=amount, reversed=1 if g.chance(0.03) else 0, system_created_entry=g.pick([0, 0, 1]),
                        g_l_creation_date=datetime.combine(posting, datetime.min.time()) + timedelta(hours=g.r.randint(1, 30), seconds=g.r.randint(0, 3599)))
                    detail_no += 1
                    dgle.add(id_company=company, entry_no=700000000 + detail_no, g_l_entry_no=number, g_l_account_no=local,
                             posting_date=posting, entry_type="Initial Entry", document_no=row["document_no"], amount=amount)
                    account_rows.append(row)
                # applications between opposite entries of the same account close (part of) them
                debits = [r for r in account_rows if r["amount"] > 0]
                credits = [r for r in account_rows if r["amount"] < 0]
                for debit, credit in zip(debits, credits):
                    applied = min(int(debit["amount"]), -int(credit["amount"]))
                    if g.chance(0.4):
                        applied = applied // 2
                    on = max(debit["posting_date"], credit["posting_date"]) + timedelta(days=g.pick([0, 1, 5]))
                    for r, sign in ((debit, -1), (credit, 1)):
                        detail_no += 1
                        dgle.add(id_company=company, entry_no=700000000 + detail_no, g_l_entry_no=r["entry_no"],
                                 g_l_account_no=local, posting_date=on, entry_type="Application",
                                 document_no=r["document_no"], amount=Money(sign * applied))
                rows.extend(account_rows)
            self.gl_entries_by_company[company] = rows

    # --- Anaplan BS view (CR_04) --------------------------------------------------------------------------------
    def anaplan_view(self) -> None:
        g = self.g
        planted = False
        view = self.table("finrec", "v_bs_anaplan_import_ifrs_mapping_currency_split", [
            ("id_company", S), ("company_name", S), ("country_code", S), ("country_name", S), ("closing_date", D),
            ("group_coa_account_no", S), ("group_coa_account_name", S), ("real_coa", S), ("currency", S),
            ("busline_code", S), ("reporting_country_code", S), ("reporting_country_name", S), ("partner_code", S),
            ("ic_partner_code", S), ("conso_account_no", S), ("conso_account_name", S), ("ifrs_level_1_name", S),
            ("ifrs_level_2_name", S), ("ifrs_level_3_name", S), ("is_recharge", TI), ("is_retained_earnings", TI),
            ("is_interco", TI), ("refresh_date", TS), ("fx_rate", DB), ("balance_at_date", M)])
        country_names = dict(COUNTRIES)
        levels = {a[0]: a for a in GROUP_ACCOUNTS}
        closings = [(date(2025, 7, 31), ts(2025, 8, 5, 3, 12, 40)), (date(2025, 8, 31), ts(2025, 9, 4, 3, 9, 5)),
                    (CUTOFF, ts(2025, 10, 6, 3, 15, 22, 417))]
        for closing, refreshed in closings:
            for company, name, country, currency, *_ in COMPANIES:
                balances: dict[str, int] = {}
                for row in self.gl_entries_by_company[company]:
                    if row["posting_date"] <= closing:
                        balances[row["g_l_account_no"]] = balances.get(row["g_l_account_no"], 0) + int(row["amount"])
                for local, group in self.local_accounts[company]:
                    if local not in balances:
                        continue
                    total = balances[local]
                    # split by transaction currency; every row is in local currency (see CR_04's description)
                    splits = [(currency, "", total)]
                    if currency != "USD" and g.chance(0.35):
                        usd_part = int(total * 0.3)
                        splits = [(currency, "", total - usd_part), ("USD", "MPL", usd_part)]
                    for split_currency, busline, amount in splits:
                        if (company, group) == ANOMALY_GL_VIEW_DIFF[:2] and closing == CUTOFF and split_currency == currency:
                            amount += ANOMALY_GL_VIEW_DIFF[2]
                            planted = True
                        _, account_name, l1, l2, l3 = levels[group]
                        rate = FX_SEPTEMBER.get(country, "1")
                        view.add(id_company=company, company_name=name, country_code=country,
                                 country_name=country_names[country], closing_date=closing, group_coa_account_no=group,
                                 group_coa_account_name=account_name, real_coa=local, currency=split_currency,
                                 busline_code=busline, reporting_country_code=country,
                                 reporting_country_name=country_names[country], partner_code="", ic_partner_code="",
                                 conso_account_no="C" + group, conso_account_name=account_name, ifrs_level_1_name=l1,
                                 ifrs_level_2_name=l2, ifrs_level_3_name=l3, is_recharge=0,
                                 is_retained_earnings=1 if group == "40000" else 0, is_interco=0,
                                 refresh_date=refreshed, fx_rate=Rate(rate if split_currency != "USD" else "1.0"),
                                 balance_at_date=Money(amount))
        if not planted:
            raise RuntimeError("CR_04 anomaly could not be planted: the G/L has no balance for " + str(ANOMALY_GL_VIEW_DIFF[:2]))

    # --- FX rates (CR_05) ---------------------------------------------------------------------------------------
    def fx_rates(self) -> None:
        g = self.g
        rates = self.table("finrec", "rpt_fx_rates", [
            ("year", I), ("cod_month", I), ("rate_type", S), ("base_currency", S), ("quote_currency", S),
            ("country_code", S), ("country_name", S), ("fx_rate", DB)])
        currency_of = {"AE": "AED"}
        for _, _, country, currency, *_ in COMPANIES:
            currency_of.setdefault(country, currency)
        names = dict(COUNTRIES)
        names["AE"] = "United arab emirates (the)"  # as RPT_FX_RATES spells it
        for month in (7, 8, 9, 10):
            for country, rate in FX_SEPTEMBER.items():
                drift = 1 + (month - 9) * g.pick([0.004, -0.003, 0.011, 0.0])
                closing = f"{float(rate) * drift:.6f}" if month != 9 else rate
                for rate_type, value in (("Closing", closing), ("Average", f"{float(closing) * 1.002:.6f}")):
                    rates.add(year=2025, cod_month=month, rate_type=rate_type, base_currency="USD",
                              quote_currency=currency_of[country], country_code=country, country_name=names[country],
                              fx_rate=Rate(value))
        # the same UAE country code under its own, excluded name, and an EUR-based closing rate: both filtered out
        rates.add(year=2025, cod_month=9, rate_type="Closing", base_currency="USD", quote_currency="AED",
                  country_code="AE", country_name="United arab emirates (the)", fx_rate=Rate("3.672500"))
        rates.add(year=2025, cod_month=9, rate_type="Closing", base_currency="EUR", quote_currency="NGN",
                  country_code="NG", country_name="Nigeria", fx_rate=Rate("1732.140000"))
        rates.add(year=2024, cod_month=9, rate_type="Closing", base_currency="USD", quote_currency="NGN",
                  country_code="NG", country_name="Nigeria", fx_rate=Rate("1601.330000"))
        # the US has no rate row (forced to 1); Germany has its EUR rate (JT_DE) and its _USD companies are forced

    # --- OMS order items and BOB vouchers (IPE_08, IPE_10, IPE_12, IPE_34) -------------------------------------
    def order_items_and_vouchers(self) -> None:
        g = self.g
        soi = self.table("finrec", "rpt_soi", [
            ("id_company", S), ("cod_oms_sales_order_item", S), ("cod_oms_id_package", S), ("package_number", S),
            ("order_nr", S), ("bob_id_customer", S), ("bob_customer_type", S), ("current_status", S),
            ("payment_method", S), ("delivery_type", S), ("voucher_code", S), ("voucher_type", S),
            ("tracking_number", S), ("oms_package_status", S), ("is_prepayment", TI), ("is_marketplace", TI),
            ("is_global", TI), ("refund_completed", TI), ("order_creation_date", TS), ("finance_verified_date", TS),
            ("shipped_date", TS), ("delivered_date", TS), ("package_delivery_date", TS), ("refund_date", TS),
            ("return_date", TS), ("fail_date", TS), ("unit_price", M), ("price_after_discount", M),
            ("paid_price", M), ("coupon_money_value", M), ("cart_rule_discount", M), ("shipping_amount", M),
            ("shipping_discount_amount", M), ("shipping_cart_rule_discount", M), ("shipping_voucher_discount", M),
            ("international_customs_fee", M), ("customs_fee_cart_rule_discount", M), ("international_freight_fee", M),
            ("international_delivery_fee_cart_rule_discount", M), ("mtr_shipping_fee_modification", M)])
        cashrec = self.table("stg_finrec_oms", "package_cashrec", [
            ("id_company", S), ("package_number", S), ("order_nr", S), ("fk_package_status", S),
            ("fk_collection_partner", S), ("last_mile", S), ("package_status", S), ("payment_method_confirmed", S),
            ("delivered_update_date", TS), ("delivery_date", TS), ("troubleshoot_resolution_date", TS),
            ("amount_expected", M), ("amount_received", M), ("amount_paid", M)])
        refund_no_return = self.table("finrec", "rpt_refund_no_return", [
            ("id_company", S), ("cod_oms_sales_order_item", S), ("order_nr", S), ("oms_type", S)])
        closing = self.table("finrec", "v_storecreditvoucher_closing", [
            ("id_company", S), ("id", S), ("code", S), ("business_use", S), ("description", S), ("type", S),
            ("template_status", S), ("times_used", I), ("is_active", TI), ("from_date", TS), ("to_date", TS),
            ("created_at", TS), ("last_time_used", TS), ("snapshot_date", TS), ("updated_at", TS),
            ("voucher_inactive_date", TS), ("template_inactive_date", TS), ("reason", S), ("fk_customer", S),
            ("discount_amount", M), ("used_discount_amount", M), ("remaining_amount", M)])
        templates = self.table("finrec", "storecreditvoucher", [
            ("id_company", S), ("id", S), ("code", S), ("template_id", S), ("template_name", S)])

        self._item = 0
        self._order = 301000000
        self._package = 0

        def next_order() -> str:
            self._order += g.r.randint(1, 9000)
            if self._order == int(WITNESS_PREPAID_ORDER):
                self._order += 1
            return str(self._order)

        def item(company, order_nr, package, **values):
            self._item += 1
            unit = g.money(3, 800)
            coupon = Money(0) if not g.chance(0.3) else Money(int(unit * 0.1))
            cart = Money(0) if not g.chance(0.2) else Money(int(unit * 0.05))
            shipping = g.money(1, 25)
            row = dict(
                id_company=company, cod_oms_sales_order_item=f"{company[-2:]}{self._item:08d}",
                cod_oms_id_package=package[0], package_number=package[1], order_nr=order_nr,
                bob_id_customer=f"{g.r.randint(1000000, 9999999)}", bob_customer_type=g.pick(["b2c", "b2c", "b2b", "jforce", "employee", None, "unknown"]),
                current_status=g.pick(["delivered", "shipped", "closed", "canceled", "returned", "pending"]),
                payment_method=g.pick(["CashOnDelivery", "JumiaPay", "MobileMoney"]),
                delivery_type=g.pick(["Home Delivery", "Pickup Station", "Home Delivery"]),
                voucher_code=None, voucher_type=None, tracking_number=f"TRK{g.r.randint(10**9, 10**10 - 1)}",
                oms_package_status=g.pick(["delivered", "shipped", "ready_to_ship", "returned"]),
                is_prepayment=0, is_marketplace=g.pick([0, 1, 1]), is_global=g.pick([0, 0, 1]),
                refund_completed=0, order_creation_date=None, finance_verified_date=None, shipped_date=None,
                delivered_date=None, package_delivery_date=None, refund_date=None, return_date=None, fail_date=None,
                unit_price=unit, price_after_discount=Money(unit - coupon - cart), paid_price=Money(unit - coupon - cart + shipping),
                coupon_money_value=coupon if coupon else g.pick([None, Money(0)]), cart_rule_discount=cart if cart else None,
                shipping_amount=shipping, shipping_discount_amount=g.pick([None, Money(0), g.money(0, 3)]),
                shipping_cart_rule_discount=g.pick([None, Money(0), g.money(0, 2)]),
                shipping_voucher_discount=None, international_customs_fee=g.pick([None, None, g.money(1, 30)]),
                customs_fee_cart_rule_discount=None, international_freight_fee=g.pick([None, None, g.money(1, 40)]),
                international_delivery_fee_cart_rule_discount=g.pick([None, None, g.money(0, 2)]),
                mtr_shipping_fee_modification=g.pick([None, Money(0), Money(-g.r.randint(0, 500))]))
            row.update(values)
            return soi.add(**row)

        def new_package(company):
            self._package += 1
            return (f"P{company[-2:]}{self._package:07d}", f"{company[-2:]}-PKG-{self._package:07d}")

        def around_cutoff(lo=datetime(2025, 6, 1), hi=datetime(2025, 10, 20)):
            """A timestamp spread over the months around the cutoff, with the boundaries over-represented."""
            pick = g.r.random()
            if pick < 0.06:
                return ts(2025, 9, 30, 23, 59, 59, 999)
            if pick < 0.12:
                return ts(2025, 10, 1, 0, 0, 0, 0)
            if pick < 0.16:
                return ts(2025, 9, 30, 0, 0, 0, 0)
            return g.moment(lo, hi)

        oms_companies = IN_SCOPE_9 + ["AT_TN", "EC_CM"]

        # prepaid items (IPE_10)
        for company in oms_companies:
            for _ in range(45 if company in IN_SCOPE_9 else 10):
                order = next_order()
                created = g.moment(datetime(2025, 5, 1), datetime(2025, 10, 10))
                if g.chance(0.03):
                    created = g.moment(datetime(2017, 6, 1), datetime(2018, 1, 1))  # before the window
                verified = None if g.chance(0.1) else max(created, around_cutoff(created, created + timedelta(days=20)))
                marketplace = g.pick([0, 1, 1, None])
                delivery_type = g.pick(["Home Delivery", "Pickup Station", "Digital Content", "Gift Card", None])
                delivered = None if g.chance(0.35) else around_cutoff(created, created + timedelta(days=40))
                package_delivered = None if g.chance(0.3) else around_cutoff(created, created + timedelta(days=40))
                refunded = around_cutoff(created, created + timedelta(days=60)) if g.chance(0.15) else None
                item(company, order, new_package(company), is_prepayment=1, is_marketplace=marketplace,
                     payment_method=g.pick(["JumiaPay", "MobileMoney", "CreditCard"]), delivery_type=delivery_type,
                     order_creation_date=created, finance_verified_date=verified, delivered_date=delivered,
                     package_delivery_date=package_delivered, refund_date=refunded,
                     refund_completed=1 if refunded else 0,
                     current_status=g.pick(["closed", "shipped", "pending", "delivered"]),
                     fail_date=g.pick([None, None, None, around_cutoff()]))
        # witness: order 309455475, prepaid on 2025-09-28, not delivered at the cutoff
        item("EC_NG", WITNESS_PREPAID_ORDER, new_package("EC_NG"), is_prepayment=1, is_marketplace=0,
             payment_method="JumiaPay", delivery_type="Home Delivery", order_creation_date=ts(2025, 9, 27, 21, 4, 11),
             finance_verified_date=ts(2025, 9, 28, 10, 2, 33, 120), delivered_date=None,
             package_delivery_date=ts(2025, 10, 2, 14, 30), current_status="shipped")

        # delivered, not prepaid (IPE_12) - some packages hold several items
        for company in oms_companies:
            for _ in range(40 if company in IN_SCOPE_9 else 10):
                order = next_order()
                package = new_package(company)
                created = g.moment(datetime(2025, 4, 1), datetime(2025, 10, 5))
                if g.chance(0.04):
                    created = g.moment(datetime(2018, 6, 1), datetime(2019, 1, 10))
                delivered = around_cutoff(created, created + timedelta(days=25)) if not g.chance(0.1) else None
                payment = g.pick(["CashOnDelivery", "CashOnDelivery", "MobileMoney", "NoPayment", None])
                for _k in range(g.pick([1, 1, 2, 3])):
                    item(company, order, package, is_prepayment=0, payment_method=payment,
                         order_creation_date=created, shipped_date=created + timedelta(hours=30),
                         delivered_date=delivered, package_delivery_date=delivered,
                         current_status="delivered" if delivered else "shipped")
                if delivered is not None and g.chance(0.75):
                    resolution = g.pick([None, None, around_cutoff(delivered, delivered + timedelta(days=30)),
                                         ts(2025, 9, 30, 23, 59, 59, 999), ts(2025, 10, 1, 0, 0, 0, 0)])
                    expected = g.money(5, 900)
                    cashrec.add(id_company=company, package_number=package[1], order_nr=order,
                                fk_package_status=g.pick(["7", "9", "12"]), fk_collection_partner=g.pick(["11", "14", "21"]),
                                last_mile=g.pick(["Jumia Logistics", "GIG Logistics", "Kwik", ""]),
                                package_status=g.pick(["delivered", "cash_collected", "troubleshooting"]),
                                payment_method_confirmed=payment, delivered_update_date=delivered + timedelta(hours=3),
                                delivery_date=delivered, troubleshoot_resolution_date=resolution,
                                amount_expected=expected, amount_received=g.pick([Money(0), expected, Money(int(expected * 0.5))]),
                                amount_paid=g.pick([None, expected]))

        # refunds and returns (IPE_34)
        for company in oms_companies:
            for _ in range(35 if company in IN_SCOPE_9 else 8):
                order = next_order()
                created = g.moment(datetime(2025, 3, 1), datetime(2025, 10, 5))
                delivered = None if g.chance(0.2) else created + timedelta(days=g.r.randint(1, 12))
                refund = around_cutoff(created, created + timedelta(days=50)) if g.chance(0.6) else None
                ret = around_cutoff(created, created + timedelta(days=50)) if g.chance(0.6) else None
                if g.chance(0.04):
                    refund = g.moment(datetime(2018, 5, 1), datetime(2019, 1, 10))  # refunds before 2019 stay out
                row = item(company, order, new_package(company), is_prepayment=g.pick([0, 1]),
                           order_creation_date=created, delivered_date=delivered, package_delivery_date=delivered,
                           finance_verified_date=created + timedelta(hours=2), refund_date=refund, return_date=ret,
                           refund_completed=1 if refund else 0, voucher_type=g.pick([None, "coupon", "reusablecredit"]),
                           shipping_voucher_discount=g.pick([None, g.money(0, 5)]),
                           customs_fee_cart_rule_discount=g.pick([None, g.money(0, 1)]),
                           current_status=g.pick(["returned", "closed", "refunded", "return_requested"]))
                if refund is not None or ret is not None:
                    refund_no_return.add(id_company=company, cod_oms_sales_order_item=row["cod_oms_sales_order_item"],
                                         order_nr=order, oms_type=g.pick(["refund_no_return", "return_and_refund", "failed_delivery"]))

        # vouchers (IPE_08) and their usage on order items
        uses = [("apology_v2", "AP"), ("jforce", "JF"), ("refund", "RF"), ("store_credit", "SC"),
                ("jpay_store_credit", "GC"), ("jpay_store_credit", "JP"), ("jpay_store_credit", "XX"), ("marketing", "MK")]
        voucher_no = 0
        for company in IN_SCOPE_9 + ["AT_TN", "EC_RW"]:
            country = COMPANY[company][2]
            for k in range(26 if company in IN_SCOPE_9 else 6):
                voucher_no += 1
                use, prefix = g.pick(uses)
                created = g.moment(datetime(2016, 6, 1), datetime(2025, 10, 20))
                special = k % 13
                if special == 1:
                    created = ts(2016, 12, 31, 18, 0, 0)
                elif special == 2:
                    created = ts(2017, 1, 1, 0, 0, 0, 0)
                elif special == 3:
                    created = ts(2025, 9, 30, 23, 59, 59, 999)
                elif special == 4:
                    created = ts(2025, 10, 1, 0, 0, 0, 0)
                to_date = None if g.chance(0.08) else created + timedelta(days=g.pick([30, 90, 180, 365]))
                if special == 5:
                    to_date = ts(2025, 9, 30, 12, 0, 0)
                elif special == 6:
                    to_date = ts(2025, 10, 1, 0, 0, 0)
                code = f"{prefix}{country}{g.r.randint(100000, 999999)}{voucher_no:04d}"
                vid = f"{country}V{voucher_no:07d}"
                self._voucher(closing, templates, company, vid, code, use, created, to_date)
                if company in IN_SCOPE_9 and g.chance(0.6):
                    vtype = g.pick(["coupon", "reusablecredit"])
                    for _u in range(g.r.randint(1, 3)):
                        when = g.pick([None, g.moment(datetime(2014, 3, 1), datetime(2014, 12, 31)), around_cutoff(),
                                       g.moment(datetime(2023, 1, 1), datetime(2025, 9, 1))])
                        item(company, next_order(), new_package(company), voucher_code=code, voucher_type=vtype,
                             package_delivery_date=when, delivered_date=when, order_creation_date=created,
                             coupon_money_value=g.pick([None, g.money(1, 80)]),
                             shipping_voucher_discount=g.pick([None, Money(0), g.money(0, 6)]),
                             is_marketplace=g.pick([0, 1, None]))
        # anomaly (a): one voucher code used under two voucher types -> two IPE_08 rows for one voucher
        company, vid, code = ANOMALY_DUPLICATE_VOUCHER
        self._voucher(closing, templates, company, vid, code, "refund", ts(2025, 6, 14, 9, 30), ts(2026, 6, 14, 9, 30))
        for vtype, when in (("coupon", ts(2025, 7, 2, 15, 0)), ("reusablecredit", ts(2025, 8, 19, 11, 45))):
            item(company, next_order(), new_package(company), voucher_code=code, voucher_type=vtype,
                 package_delivery_date=when, delivered_date=when, order_creation_date=when - timedelta(days=3),
                 coupon_money_value=g.money(10, 60), shipping_voucher_discount=Money(0), is_marketplace=1)

    def _voucher(self, closing, templates, company, vid, code, use, created, to_date):
        g = self.g
        amount = g.money(5, 500)
        used = Money(int(amount * g.pick([0, 0.25, 0.5, 1])))
        inactive = g.pick([None, None, None, created + timedelta(days=g.r.randint(5, 400))])
        template_inactive = g.pick([None, None, None, None, created + timedelta(days=g.r.randint(5, 400))])
        closing.add(id_company=company, id=vid, code=code, business_use=use,
                    description=g.pick(["Refund for order", "Goodwill – retard de livraison", "JForce commission", "Gift card", ""]),
                    type=g.pick(["coupon", "reusablecredit"]), template_status=g.pick(["active", "inactive"]),
                    times_used=g.r.randint(0, 3), is_active=g.pick([0, 1]), from_date=created, to_date=to_date,
                    created_at=created, last_time_used=g.pick([None, created + timedelta(days=3)]),
                    snapshot_date=ts(2025, 10, 1, 2, 0, 0), updated_at=created + timedelta(days=g.r.randint(0, 30)),
                    voucher_inactive_date=inactive, template_inactive_date=template_inactive,
                    reason=g.pick(["late delivery", "refund", "", None]), fk_customer=str(g.r.randint(1000000, 9999999)),
                    discount_amount=amount, used_discount_amount=used, remaining_amount=Money(amount - used))
        if not g.chance(0.1):
            templates.add(id_company=company, id=vid, code=code, template_id=f"T{g.r.randint(1000, 9999)}",
                          template_name=g.pick(["Refund voucher", "Apology voucher", "Store credit", "JPay gift card"]))

    # --- Seller Center (IPE_11) ---------------------------------------------------------------------------------
    def seller_center(self) -> None:
        g = self.g
        seller = self.table("finrec", "rpt_transactions_seller", [
            ("id_company", S), ("id_transaction", S), ("transaction_no", S), ("transaction_type", S), ("nav_type", S),
            ("erp_name", S), ("vendor_short_code", S), ("bob_id_vendor", S), ("vendor_name", S),
            ("id_sales_order_item", S), ("oms_id_sales_order_item", S), ("bob_id_sales_order_item", S),
            ("order_nr", S), ("id_account_statement", S), ("transaction_statement_no", S), ("created_date", TS),
            ("created_manually", TI), ("amount", M)])
        statements = self.table("finrec_ring", "rpt_accountstatements", [
            ("id_company", S), ("id_account_statement", S), ("statement_no", S), ("start_date", TS),
            ("end_date", TS), ("paid", TI), ("paid_date", TS)])
        vendors = self.table("finrec", "rpt_vendors", [
            ("id_company", S), ("bob_id_vendor", S), ("vendor_name", S), ("is_global", TI)])
        asg = self.table("finrec", "gdoc_dim_asg_v2", [
            ("id_company", S), ("asg_name", S), ("asg_level_1", S), ("asg_level_2", S), ("asg_level_3", S),
            ("asg_level_4", S)])
        ring = self.table("finrec_ring", "rpt_transactions", [
            ("id_company", S), ("id_transaction", S), ("transaction_type_name", S)])
        mapping = [
            ("Commission", "Revenues", "Marketplace revenue", "Commission", "Commission fee"),
            ("Shipping Fee", "Revenues", "Marketplace revenue", "Logistics", "Shipping fee"),
            ("Fulfilment Fee", "Revenues", "Marketplace revenue", "Logistics", "Fulfilment by Jumia"),
            ("Storage Fee", "Revenues", "Marketplace revenue", "Logistics", "Storage"),
            ("Item Price Credit", "Seller payables", "Item price", "Item price", "Item price credit"),
            ("Refund", "Refunds", "Customer refunds", "Refund", "Item refund"),
            ("Payout", "Payments", "Seller payout", "Payout", "Bank transfer"),
        ]
        seller_names = ["Électro Plus SARL", "Mama Put Kitchen", "Nairobi Gadgets", "Souk El Fen", "Accra Fashion Hub",
                        'Dakar "Premium" Textiles', "Kampala Home & Living", "Oran Pièces Auto", "Casablanca Beauté",
                        "Lagos Phones, Ltd"]
        txn = 0
        for company in IN_SCOPE_9:
            country = COMPANY[company][2]
            for name, l1, l2, l3, l4 in mapping:
                asg.add(id_company=company, asg_name=name, asg_level_1=l1, asg_level_2=l2, asg_level_3=l3, asg_level_4=l4)
            company_vendors = []
            for k in range(8):
                vid = f"{country}{g.r.randint(10000, 99999)}{k}"
                vendors.add(id_company=company, bob_id_vendor=vid, vendor_name=seller_names[k % len(seller_names)],
                            is_global=1 if k == 0 else 0)
                company_vendors.append((vid, seller_names[k % len(seller_names)], f"V{country}{k:04d}"))
            # statements: ended mid-September, ended at the last millisecond of September, ending on 1 October,
            # still open (no end date)
            windows = [("A", ts(2025, 9, 1), ts(2025, 9, 15, 23, 59, 59, 999), 1),
                       ("B", ts(2025, 9, 16), ts(2025, 9, 30, 23, 59, 59, 999), 1),
                       ("C", ts(2025, 9, 16), ts(2025, 10, 1, 0, 0, 0), 0),
                       ("D", ts(2025, 10, 1), None, 0),
                       ("E", ts(2025, 8, 16), ts(2025, 8, 31, 23, 59, 59, 999), 1)]
            stmt_ids = []
            for label, start, end, paid in windows:
                sid = f"{company}-ST-{label}"
                statements.add(id_company=company, id_account_statement=sid, statement_no=f"AS{country}2025{label}",
                               start_date=start, end_date=end, paid=paid,
                               paid_date=(end + timedelta(days=3)) if paid and end else None)
                stmt_ids.append((sid, start, end))
            for _ in range(42):
                txn += 1
                created = g.pick([ts(2025, 9, 1, 0, 0, 0, 0), ts(2025, 8, 31, 23, 59, 59, 999),
                                  ts(2025, 9, 30, 23, 59, 59, 999), ts(2025, 10, 1, 0, 0, 0, 0)]) \
                    if g.chance(0.12) else g.moment(datetime(2025, 8, 10), datetime(2025, 10, 12))
                ttype = g.pick([m[0] for m in mapping] + ["Commission", "Commission", "Adjustment Other"])
                statement = g.pick([None, None] + [s for s in stmt_ids
                                                   if s[1] <= created and (s[2] is None or created <= s[2])])
                if g.chance(0.04):
                    statement = (f"{company}-ST-MISSING", None, None)  # a statement id with no statement row
                vendor = g.pick(company_vendors)
                tid = f"{country}T{txn:07d}"
                amount = g.money(1, 4000) * (1 if ttype not in ("Refund", "Item Price Credit") else -1)
                seller.add(id_company=company, id_transaction=tid, transaction_no=f"{country}-{2025}{txn:08d}",
                           transaction_type=ttype, nav_type=g.pick(["fee", "revenue", "payable"]),
                           erp_name=f"SC {ttype}", vendor_short_code=vendor[2], bob_id_vendor=vendor[0],
                           vendor_name=vendor[1], id_sales_order_item=f"{g.r.randint(10**7, 10**8)}",
                           oms_id_sales_order_item=f"{country}{g.r.randint(10**7, 10**8)}",
                           bob_id_sales_order_item=g.pick([f"{g.r.randint(10**7, 10**8)}", None]),
                           order_nr=str(g.r.randint(301000000, 399999999)),
                           id_account_statement=statement[0] if statement else None,
                           transaction_statement_no=(f"ASL{txn:06d}" if statement else ""), created_date=created,
                           created_manually=1 if g.chance(0.05) else 0, amount=amount)
                if not g.chance(0.05):
                    ring.add(id_company=company, id_transaction=tid, transaction_type_name=ttype)

    # --- OMS cash reconciliation and NAV bank accounts (IPE_31) ------------------------------------------------
    def cash_reconciliation(self) -> None:
        g = self.g
        transactions = self.table("finrec", "rpt_cashrec_transaction", [
            ("id_company", S), ("id_transaction", S), ("collection_partner", S), ("transaction_type", S),
            ("related_entity", S), ("transaction_list_no", S), ("created_date", TS), ("amount", M)])
        reallocations = self.table("finrec", "rpt_cashrec_reallocations", [
            ("id_company", S), ("id_reallocation", S), ("from_collection_partner", S), ("to_collection_partner", S),
            ("related_entity", S), ("original_transaction_date", TS), ("reallocation_date", TS), ("amount", M)])
        packlists = self.table("finrec", "rpt_packlist_packages", [
            ("id_company", S), ("packlist_no", S), ("collection_partner", S), ("status", S), ("created_date", TS),
            ("packages_count", I), ("amount_received", M), ("reconciled_amount", M)])
        payments = self.table("finrec", "rpt_packlist_payments", [
            ("id_company", S), ("id_packlist_payment", S), ("packlist_no", S), ("payment_no", S),
            ("payment_date", TS), ("payment_reconciled", M), ("charges_reconciled", M)])
        deposits = self.table("finrec", "rpt_cashdeposit", [
            ("id_company", S), ("payment_no", S), ("collection_partner", S), ("deposit_type", S), ("status", S),
            ("payment_date", TS), ("payment_reversal_date", TS), ("payment_amount", M), ("charges", M)])
        adjustments = self.table("finrec", "rpt_collectionadj", [
            ("id_company", S), ("id_collection_adj", S), ("entity_type", S), ("entity_no", S), ("status", S),
            ("force_closed", TI), ("close_date", TS), ("amount", M)])
        hubs = self.table("finrec", "rpt_hubs_3pl_mapping", [("id_company", S), ("node", S), ("service_provider", S)])
        partners = self.table("finrec", "rpt_collectionpartners", [
            ("id_company", S), ("name", S), ("type", S), ("erp_name", S)])
        banks = self.table("nav_bi", "bank_accounts", [
            ("id_company", S), ("no", S), ("name", S), ("service_provider_no", S), ("bank_acc_posting_group", S),
            ("currency_code", S)])
        bank_groups = self.table("nav_bi", "bank_account_posting_group", [
            ("id_company", S), ("code", S), ("g_l_bank_account_no", S)])

        partner_defs = [("Jumia Logistics", "Logistics", "JLOG"), ("GIG Logistics", "3PL", "GIG"),
                        ("MTN MoMo", "Payment Provider", "MOMO"), ("Flutterwave", "Payment Provider", "FLW")]
        statuses = ["inProgress", "closed", "waitingConfirmation", "waitingApproval", "cancelled"]

        def boundary_moment():
            pick = g.r.random()
            if pick < 0.07:
                return ts(2025, 9, 30, 23, 59, 59, 999)
            if pick < 0.14:
                return ts(2025, 10, 1, 0, 0, 0, 0)
            return g.moment(datetime(2025, 8, 1), datetime(2025, 10, 15))

        for company in IN_SCOPE_9 + ["AT_TN", "JD_TZ", "EC_CM", "EC_RW"]:
            country = COMPANY[company][2]
            cps = []
            for k, (name, ptype, short) in enumerate(partner_defs):
                erp = f"SP-{short}-{country}"
                partners.add(id_company=company, name=name, type=ptype, erp_name=erp)
                hubs.add(id_company=company, node=name, service_provider=f"{name} {country}")
                group = f"BNK-{short}"
                banks.add(id_company=company, no=f"BNK{k + 1:03d}", name=f"{name} collections {country}",
                          service_provider_no=erp, bank_acc_posting_group=group, currency_code="")
                # Flutterwave's posting group points at 10058, which IPE_31 never attaches
                bank_groups.add(id_company=company, code=group, g_l_bank_account_no="10058" if short == "FLW" else f"1005{k + 1}")
                cps.append(name)
            # a bank account without service provider (ignored by IPE_31)
            banks.add(id_company=company, no="BNK099", name="Main operating account", service_provider_no="",
                      bank_acc_posting_group="BNK-MAIN", currency_code="")
            bank_groups.add(id_company=company, code="BNK-MAIN", g_l_bank_account_no="10010")

            # deposits (payments and transfers from collection partners)
            dep_rows = []
            for k in range(10):
                paid_on = boundary_moment()
                dep = deposits.add(id_company=company, payment_no=f"PAY-{country}-{k + 1:05d}", collection_partner=g.pick(cps),
                                   deposit_type=g.pick(["Transfer", "Payment"]), status=g.pick(statuses[:3] + ["cancelled"]),
                                   payment_date=paid_on,
                                   payment_reversal_date=(paid_on + timedelta(days=2)) if g.chance(0.2) else None,
                                   payment_amount=g.money(200, 20000), charges=g.pick([None, Money(0), g.money(1, 40)]))
                dep_rows.append(dep)
            # packlists and their payments
            pl_rows = []
            for k in range(10):
                created = boundary_moment()
                status = g.pick(statuses)
                received = g.money(100, 15000)
                pl = packlists.add(id_company=company, packlist_no=f"PL-{country}-{k + 1:05d}", collection_partner=g.pick(cps),
                                   status=status, created_date=created, packages_count=g.r.randint(1, 40),
                                   amount_received=received,
                                   reconciled_amount=None if g.chance(0.3) else Money(int(received * g.pick([0.2, 0.5, 1.0]))))
                pl_rows.append(pl)
                for j in range(g.r.randint(0, 2)):
                    dep = g.pick(dep_rows)
                    payments.add(id_company=company, id_packlist_payment=f"PLP-{country}-{k + 1:05d}-{j}",
                                 packlist_no=pl["packlist_no"], payment_no=dep["payment_no"],
                                 payment_date=g.pick([created + timedelta(days=1), boundary_moment()]),
                                 payment_reconciled=Money(int(received * g.pick([0.1, 0.3, 0.6]))),
                                 charges_reconciled=g.pick([None, Money(0), g.money(1, 20)]))
            # collection adjustments: force-closed packlists, closed deposits
            for k, pl in enumerate(pl_rows[:3]):
                adjustments.add(id_company=company, id_collection_adj=f"CA-{country}-P{k}", entity_type="packlist",
                                entity_no=pl["packlist_no"], status=g.pick(["open", "closed"]), force_closed=g.pick([0, 1]),
                                close_date=g.pick([None, ts(2025, 9, 20, 10), ts(2025, 10, 3, 9)]), amount=g.money(1, 100))
            for k, dep in enumerate(dep_rows[:3]):
                adjustments.add(id_company=company, id_collection_adj=f"CA-{country}-D{k}", entity_type="deposit",
                                entity_no=dep["payment_no"], status=g.pick(["open", "closed"]), force_closed=g.pick([0, 1]),
                                close_date=g.pick([None, ts(2025, 9, 12, 16), ts(2025, 10, 2, 8)]), amount=g.money(1, 100))
            # cash-rec transactions: each deposit is referenced at most once per type (keeps the IPE_31 key unique)
            types_by_deposit = {"Transfer": ["Transfer to", "Transfer From"],
                                "Payment": ["Third Party Collection", "Payment - Rev", "Payment", "Payment Charges"]}
            tx = 0
            for dep in dep_rows:
                for ttype in types_by_deposit[dep["deposit_type"]]:
                    if not g.chance(0.6):
                        continue
                    tx += 1
                    pl = g.pick(pl_rows + [None, None])
                    transactions.add(id_company=company, id_transaction=f"CRT-{country}-{tx:06d}",
                                     collection_partner=dep["collection_partner"], transaction_type=ttype,
                                     related_entity=dep["payment_no"],
                                     transaction_list_no=(pl["packlist_no"] if pl else None),
                                     created_date=boundary_moment(),
                                     amount=g.pick([Money(0), g.money(50, 5000), Money(-g.r.randint(100, 90000))]))
            for k in range(14):
                tx += 1
                ttype = g.pick(["Collection", "Collection", "Collection Adjustment (over)", "Collection Adjustment (under)",
                                "Reallocation From", "Reallocation To", "Payment Charges Rev"])
                pl = g.pick(pl_rows + [None, None, None])
                transactions.add(id_company=company, id_transaction=f"CRT-{country}-{tx:06d}", collection_partner=g.pick(cps),
                                 transaction_type=ttype, related_entity=f"{country}-PKG-{g.r.randint(1, 10**7):07d}",
                                 transaction_list_no=(pl["packlist_no"] if pl else g.pick([None, f"PL-{country}-99999"])),
                                 created_date=boundary_moment(), amount=g.pick([Money(0), g.money(5, 900), g.money(5, 900)]))
            for k in range(5):
                original = g.moment(datetime(2025, 8, 1), datetime(2025, 10, 10))
                reallocations.add(id_company=company, id_reallocation=f"RA-{country}-{k + 1:04d}",
                                  from_collection_partner=g.pick(cps), to_collection_partner=g.pick(cps),
                                  related_entity=f"{country}-PKG-R{k + 1:05d}", original_transaction_date=original,
                                  reallocation_date=g.pick([original + timedelta(days=2), ts(2025, 10, 1, 0, 0, 0),
                                                            ts(2025, 9, 30, 23, 59, 59, 999), ts(2025, 10, 4, 11)]),
                                  amount=g.money(20, 3000))

    # --- BOB sales orders (IPE_09) ------------------------------------------------------------------------------
    def bob_orders(self) -> None:
        g = self.g
        orders = self.table("process_pg_bob", "pg_bob_sales_order", [
            ("order_id", S), ("customer_id", S), ("order_status", S), ("order_date", D), ("total_amount", M)])
        for k in range(420):
            order_id = f"{7300000000 + k * 7 + 9}"
            if order_id == ANOMALY_NULL_CUSTOMER_ORDER:
                order_id = f"{7300000000 + k * 7 + 10}"
            order_date = g.day(date(2025, 7, 1), date(2025, 10, 20))
            if k % 25 == 0:
                order_date = CUTOFF
            elif k % 25 == 1:
                order_date = date(2025, 10, 1)
            elif k == 202:
                order_date = None  # an order without date: neither before nor after the cutoff
            orders.add(order_id=order_id, customer_id=g.pick([str(g.r.randint(10**6, 10**7)), str(g.r.randint(10**6, 10**7)), ""]),
                       order_status=g.pick(["completed", "completed", "shipped", "canceled", "returned", "pending"]),
                       order_date=order_date, total_amount=g.pick([Money(0), g.money(2, 900), g.money(2, 900)]))
        # anomaly (b): an order before the cutoff without customer id
        orders.add(order_id=ANOMALY_NULL_CUSTOMER_ORDER, customer_id=None, order_status="completed",
                   order_date=date(2025, 9, 12), total_amount=Money(45_990))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write the deterministic C-PG-1 demo lake (Athena CSV + _schema.json).")
    parser.add_argument("--out", required=True, help="output folder; DIR/<database>/<table>/ is (re)written")
    parser.add_argument("--seed", type=int, default=20250930, help="random seed (default 20250930)")
    parser.add_argument("--scale", choices=["small"], default="small",
                        help="volume: small = hundreds to a few thousand rows per table")
    args = parser.parse_args(argv)
    lake = Lake(args.seed)
    lake.build()
    for table in lake.tables:
        write_table(args.out, table)
    total = sum(len(t.rows) for t in lake.tables)
    print(f"demo lake: {len(lake.tables)} tables, {total} rows in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
