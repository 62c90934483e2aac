//! Simplified Chinese: editing.

use crate::i18n::catalog::editing::EditingStrings;

pub const EDITING: EditingStrings = EditingStrings {
    fields: &[("description", "问题描述"), ("resolution", "解决说明")],
    form_edit_interaction: "编辑沟通记录 #{id}",
    interaction_saved: "沟通记录 #{id} 已保存",
    not_editable: "工单事件属于历史记录，不能编辑；请选择一条沟通记录",
    empty_text: "内容为空：已取消，未写入任何内容",
    reply_template: "\n# 请输入对工单 #{ticket}（{customer}：{subject}）的回复。\n# 以“#”开头的行会被忽略；内容为空则取消回复。\n",
    note_template: "\n# 请输入工单 #{ticket}（{customer}：{subject}）的内部备注。\n# 以“#”开头的行会被忽略；内容为空则取消备注。\n",
    editor_failed: "编辑器未能正常结束（{why}）；请改用 --summary 或 --body-file 提供内容",
    nothing_to_change: "没有要修改的内容：请至少指定 --priority、--status、--assignee、--department、--category、--subject、--kind、--description、--add-tag、--remove-tag 中的一项",
};
