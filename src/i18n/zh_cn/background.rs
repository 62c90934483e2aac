//! Simplified Chinese: background.

use crate::i18n::catalog::background::BackgroundStrings;

pub const BACKGROUND: BackgroundStrings = BackgroundStrings {
    reading: "读取中…",
    saving: "保存中…",
    waiting_for: "保存中…等待{holder}完成",
    holder_agent: "{agent}的写入（进程号 {pid}）",
    holder_program: "其他程序的写入（{program}，进程号 {pid}）",
    holder_pid: "其他程序的写入（进程号 {pid}）",
    holder_unknown: "其他客服的写入",
    still_saving: "该记录的上一次保存尚未完成，请完成后再保存。",
    failed_waiting: "“{form}”保存失败：关闭当前表单后，它会连同您填写的内容重新打开。",
    finishing: "frontdesk：正在等待保存完成…",
    not_saved: "frontdesk：未保存：{form}：{reason}",
};
