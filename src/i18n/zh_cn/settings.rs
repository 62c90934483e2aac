//! Simplified Chinese: settings.

use crate::i18n::catalog::settings::SettingsStrings;

pub const SETTINGS: SettingsStrings = SettingsStrings {
    problem: "{place}：{message}",
    unreadable: "无法使用该文件（{why}），已改用默认设置",
    not_toml: "不是有效的 TOML：{detail}",
    unknown_table: "未知的配置节 [{key}]，已忽略",
    unknown_key: "未知的设置项 {key}，已忽略",
    did_you_mean: "；是否想写 `{nearest}`？",
    not_a_table: "{key} 应为配置节（[{key}]），已忽略",
    above_cap: "{key} = {value} 超过上限 {cap}，已按 {cap} 处理",
    not_a: "{key} = {value} 无效（应为：{expected}），已改用默认值 {default}",
    whole_number: "整数（0 或以上）",
    number: "数字（如 0.5）",
    true_or_false: "true 或 false",
    not_a_choice: "{key} = {value} 不是可选值（{detail}），已改用默认值 {default}",
    refused: "{rule}，已改用默认值 {default}",
    rule_between: "{key} = {value} 超出范围，应在 {min} 到 {max} 之间",
    rule_share_below_one: "{key} = {value} 超出范围，应不小于 0 且小于 1",
    rule_share_inside: "{key} = {value} 超出范围，应大于 0 且小于 1",
    rule_zero_or_more: "{key} = {value} 超出范围，应为 0 或以上",
    rule_keeps_none: "{key} = {value} 会删除全部备份，请至少设为 1",
    rule_absolute_path: "{key} = {value} 不是绝对路径（相对路径会随 frontdesk 的启动目录变化，且 ~ 不会展开）",
    rule_time_zone: "{key} = {value} 不是有效的时区（如 Asia/Shanghai）",
    rule_ticket_kind: "{key} = {value} 不是有效的工单类型（inquiry 咨询、complaint 投诉、request 服务请求、repair 报修、after-sales 售后、other 其他）",
    path_unusable: "{path}（{why}：当前使用默认设置）",
    path_missing: "{path}（文件不存在：当前使用默认设置）",
    show_heading: "# 当前生效的设置：默认值，并以 {path} 中的设置覆盖。",
    no_problems: "{path}：没有发现问题",
    no_config_file: "找不到配置文件 {path}，已改用默认设置",
};
