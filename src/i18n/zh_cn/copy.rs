//! 简体中文：copy。

use crate::i18n::catalog::copy::CopyStrings;

pub const COPY: CopyStrings = CopyStrings {
    not_empty: "{target} 不是空数据库（{table} 表中已有数据）：copy 只能写入空数据库，未写入任何内容",
    cancelled: "已中止：未写入任何内容",
    copied: "已从 {from} 复制到 {to}：{tables} 张表，共 {rows} 行",
    doctor_constraints: "约束",
    unvalidated: "{table} 的约束 {constraint} 未经验证：可能有数据违反它",
    missing_table: "缺少数据表 {table}",
};
