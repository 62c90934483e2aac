//! Simplified Chinese: settings.

use crate::i18n::Plural;
use crate::i18n::catalog::settings::SettingsStrings;

pub const SETTINGS: SettingsStrings = SettingsStrings {
    problem: "{place}：{message}",
    unreadable: "{why}；已改用默认设置",
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
    refused: "设置值无效：{why}；已改用默认值 {default}",
    path_unusable: "{path}（{why}：当前使用默认设置）",
    path_missing: "{path}（文件不存在：当前使用默认设置）",
    show_heading: "# 当前生效的设置：默认值，并以 {path} 中的设置覆盖。",
    no_problems: "{path}：没有发现问题",
    problems_found: Plural {
        one: "发现 {count} 个问题，见上方列表",
        other: "发现 {count} 个问题，见上方列表",
    },
    no_config_file: "找不到配置文件 {path}，已改用默认设置",
};
