//! Simplified Chinese: query.

use crate::i18n::catalog::query::QueryStrings;

pub const QUERY: QueryStrings = QueryStrings {
    unknown_key: "没有“{key}”这个条件；可用的条件有：{keys}",
    unknown_key_nearest: "没有“{key}”这个条件，是否要用“{nearest}”？可用的条件有：{keys}",
    unknown_value: "“{value}”不是有效的{key}取值，可用：{allowed}",
    unknown_value_nearest: "“{value}”不是有效的{key}取值，是否要用“{nearest}”？可用：{allowed}",
    empty_value: "“{key}:”后面需要填写值",
    bad_time: "“{value}”不是有效的时间：{forms}；前面可加 < > <= 或 >=",
    no_order: "“{key}”不能比较大小：< 和 > 只能用于 priority、opened、updated 和 due",
    unclosed_quote: "引号没有闭合",
    second_sort: "每个查询只能有一个 sort:",
    negated_text: "搜索词不能取反：请在 条件:值 前加 -",
};
