"""Words of the payout working, line by line (analytics/metrics/payouts.py)."""

WORDS: dict[str, dict[str, str]] = {
    "payout.unit.month": {
        "en": "month",
        "zh": "月",
        "zh-Hant": "月",
    },
    "payout.unit.quarter": {
        "en": "quarter",
        "zh": "季度",
        "zh-Hant": "季",
    },
    "payout.unit.year": {
        "en": "year",
        "zh": "年",
        "zh-Hant": "年",
    },
    "payout.per": {
        "en": "{value} per {unit} × {n} = {scaled}",
        "zh": "每{unit} {value} × {n} = {scaled}",
        "zh-Hant": "每{unit} {value} × {n} = {scaled}",
    },
    "payout.threshold_below": {
        "en": "Attainment {attainment} is below the {threshold} threshold: no commission",
        "zh": "完成率 {attainment} 低于 {threshold} 的门槛：无提成",
        "zh-Hant": "達成率 {attainment} 低於 {threshold} 的門檻：無佣金",
    },
    "payout.threshold_reached": {
        "en": "Attainment {attainment} reaches the {threshold} threshold",
        "zh": "完成率 {attainment} 达到 {threshold} 的门槛",
        "zh-Hant": "達成率 {attainment} 達到 {threshold} 的門檻",
    },
    "payout.no_revenue": {
        "en": "No won revenue in the period: no commission",
        "zh": "本期无成交收入：无提成",
        "zh-Hant": "本期無成交營收：無佣金",
    },
    "payout.slice_above": {
        "en": "Slice above {start} of target: {base} × {rate} = {amount}",
        "zh": "目标 {start} 以上部分：{base} × {rate} = {amount}",
        "zh-Hant": "目標 {start} 以上部分：{base} × {rate} = {amount}",
    },
    "payout.slice": {
        "en": "Slice {start}–{upper} of target: {base} × {rate} = {amount}",
        "zh": "目标 {start}–{upper} 区间：{base} × {rate} = {amount}",
        "zh-Hant": "目標 {start}–{upper} 區間：{base} × {rate} = {amount}",
    },
    "payout.all_revenue": {
        "en": "All revenue at the rate of the tier reached (from {start} of target): {base} × {rate} = {amount}",
        "zh": "全部收入按所达档位（目标 {start} 起）的费率：{base} × {rate} = {amount}",
        "zh-Hant": "全部營收按所達級距（目標 {start} 起）的費率：{base} × {rate} = {amount}",
    },
    "payout.csat_none": {
        "en": "No CSAT responses in the period: CSAT not applied",
        "zh": "本期无满意度回复：不考核满意度",
        "zh-Hant": "本期無滿意度回覆：不考核滿意度",
    },
    "payout.csat_one": {
        "en": "Only {n} CSAT response (fewer than {minimum}): CSAT not applied",
        "zh": "满意度回复仅 {n} 份（少于 {minimum} 份）：样本太少，不考核满意度",
        "zh-Hant": "滿意度回覆僅 {n} 份（少於 {minimum} 份）：樣本太少，不考核滿意度",
    },
    "payout.csat_few": {
        "en": "Only {n} CSAT responses (fewer than {minimum}): too few to judge, CSAT not applied",
        "zh": "满意度回复仅 {n} 份（少于 {minimum} 份）：样本太少，不考核满意度",
        "zh-Hant": "滿意度回覆僅 {n} 份（少於 {minimum} 份）：樣本太少，不考核滿意度",
    },
    "payout.csat_withheld": {
        "en": "CSAT {csat} is below the {minimum} minimum: commission {commission} withheld",
        "zh": "满意度 {csat} 低于最低要求 {minimum}：提成 {commission} 不予发放",
        "zh-Hant": "滿意度 {csat} 低於最低要求 {minimum}：佣金 {commission} 不予發放",
    },
    "payout.csat_multiplied": {
        "en": "CSAT {csat} is below {minimum}: commission {commission} × {factor} = {after}",
        "zh": "满意度 {csat} 低于 {minimum}：提成 {commission} × {factor} = {after}",
        "zh-Hant": "滿意度 {csat} 低於 {minimum}：佣金 {commission} × {factor} = {after}",
    },
    "payout.csat_met": {
        "en": "CSAT {csat} meets the {minimum} minimum: no change",
        "zh": "满意度 {csat} 达到 {minimum} 的要求：不调整",
        "zh-Hant": "滿意度 {csat} 達到 {minimum} 的要求：不調整",
    },
    "payout.cap": {
        "en": "Cap {cap}: commission {commission} reduced by {reduction}",
        "zh": "封顶 {cap}：提成 {commission} 减少 {reduction}",
        "zh-Hant": "上限 {cap}：佣金 {commission} 減少 {reduction}",
    },
    "payout.no_team": {
        "en": "No team: no team share",
        "zh": "未归属团队：无团队奖金",
        "zh-Hant": "未歸屬團隊：無團隊獎金",
    },
    "payout.team_no_target": {
        "en": "Team {team} has no target: no team share",
        "zh": "团队 {team} 无目标：无团队奖金",
        "zh-Hant": "團隊 {team} 無目標：無團隊獎金",
    },
    "payout.team_missed": {
        "en": "Team {team} did not reach its target ({actual} of {target}): no team share",
        "zh": "团队 {team} 未达成目标（{actual} / {target}）：无团队奖金",
        "zh-Hant": "團隊 {team} 未達成目標（{actual} / {target}）：無團隊獎金",
    },
    "payout.team_reached": {
        "en": "Team {team} reached its target ({actual} of {target})",
        "zh": "团队 {team} 达成目标（{actual} / {target}）",
        "zh-Hant": "團隊 {team} 達成目標（{actual} / {target}）",
    },
    "payout.pool_fixed": {
        "en": "pool {per}",
        "zh": "奖金池 {per}",
        "zh-Hant": "獎金池 {per}",
    },
    "payout.pool_share": {
        "en": "pool {share} × {excess} above target = {pool}",
        "zh": "奖金池 {share} × 超出目标部分 {excess} = {pool}",
        "zh-Hant": "獎金池 {share} × 超出目標部分 {excess} = {pool}",
    },
    "payout.by_contribution": {
        "en": "{head}; {pool}; by contribution {pool_amount} × {actual} / {team_actual} ({share}) = {amount}",
        "zh": "{head}；{pool}；按贡献 {pool_amount} × {actual} / {team_actual}（{share}）= {amount}",
        "zh-Hant": "{head}；{pool}；按貢獻 {pool_amount} × {actual} / {team_actual}（{share}）= {amount}",
    },
    "payout.split_equally": {
        "en": "{head}; {pool}; split equally {pool_amount} ÷ {members} = {amount}",
        "zh": "{head}；{pool}；平均分配 {pool_amount} ÷ {members} = {amount}",
        "zh-Hant": "{head}；{pool}；平均分配 {pool_amount} ÷ {members} = {amount}",
    },
    "payout.split_equally_no_revenue": {
        "en": "{head}; {pool}; split equally {pool_amount} ÷ {members} = {amount} (no member revenue to split by contribution)",
        "zh": "{head}；{pool}；平均分配 {pool_amount} ÷ {members} = {amount}（成员无收入，无法按贡献分配）",
        "zh-Hant": "{head}；{pool}；平均分配 {pool_amount} ÷ {members} = {amount}（成員無營收，無法按貢獻分配）",
    },
    "payout.no_target": {
        "en": "No target for this period: no commission",
        "zh": "本期无目标：无提成",
        "zh-Hant": "本期無目標：無佣金",
    },
    "payout.total": {
        "en": "Total: commission {commission} + team share {share} = {total}",
        "zh": "合计：提成 {commission} + 团队奖金 {share} = {total}",
        "zh-Hant": "合計：佣金 {commission} + 團隊獎金 {share} = {total}",
    },
}
