//! Simplified Chinese: dashboard. KPI names are the source documents'
//! own terms (投诉处理及时率, 一次性解决率, 回访率, 满意度, 流失预警).

use crate::domain::kpi::Kpi;
use crate::i18n::Plural;
use crate::i18n::catalog::dashboard::DashboardStrings;

pub const DASHBOARD: DashboardStrings = DashboardStrings {
    title: "看板 {month}（对比 {previous}）",
    as_of: "截至{time}",
    kpis: &[
        (Kpi::SatisfactionAvg, "平均满意度"),
        (Kpi::SatisfiedShare, "满意度（≥4分）"),
        (Kpi::ComplaintOnTimeRate, "投诉处理及时率"),
        (Kpi::FirstResponseCompliance, "首次响应及时率"),
        (Kpi::FirstContactResolutionRate, "一次性解决率"),
        (Kpi::RequestResolutionRate, "需求解决率"),
        (Kpi::CallbackOnTimeRate, "回访率"),
        (Kpi::AvgHandlingMinutes, "平均处理时长"),
        (Kpi::ChurnRate, "客户流失率"),
        (Kpi::Backlog, "积压工单"),
    ],
    // "pp", as Chinese business reports write percentage points where
    // room is short: "个百分点" does not fit a tile at 80 columns.
    points: "pp",
    previous: "上月{value}",
    tickets_per_week: "每周：新建、已解决",
    opened: "新建",
    resolved: "已解决",
    first_response: "每周首次响应及时率",
    distribution: Plural {
        one: "评分分布（{count}份）",
        other: "评分分布（{count}份）",
    },

    at_risk: "流失预警客户",
    none_at_risk: "暂无流失风险客户",
    reason_fewer_contacts: "联系次数由{before}次降至{recent}次",
    reason_complaints: Plural {
        one: "{days}天内投诉{count}次",
        other: "{days}天内投诉{count}次",
    },
    reason_low_satisfaction: "满意度{average}（低于{threshold}）",
    reason_orders_overdue: "已{days}天未下单（通常每{usual}天一单）",
    latest_month: "{month} 为当前月份，没有更晚的数据",
    earliest_month: "没有更早的月份",
    failed: "看板加载失败：{reason}",
};
