//! The "Examples:" block each command's `--help` (and man page) ends with.
//! Every line after the heading is a command that parses as written
//! (tests/it/shell.rs checks it), so the examples cannot drift from the options.

pub const FRONTDESK: &str = "\
Examples:
  frontdesk init
  frontdesk demo --customers 500 --tickets 1000 --seed 7
  frontdesk customer list --filter zs
  frontdesk ticket list --queue
  frontdesk report --month 2026-10
  frontdesk completions bash > ~/.local/share/bash-completion/completions/frontdesk";

pub const INIT: &str = "\
Examples:
  frontdesk init
  frontdesk init --db ~/work/frontdesk.db";

pub const DEMO: &str = "\
Examples:
  frontdesk demo
  frontdesk demo --customers 500 --tickets 1000 --seed 7
  frontdesk demo --force --customers 50";

pub const CUSTOMER: &str = "\
Examples:
  frontdesk customer add --name 张三 --phone 13812345678 --email zhang.san@example.com --tags vip,电子
  frontdesk customer add --name \"Acme 电子\" --kind company --contact 李雷 --tier high-value
  frontdesk customer list --filter zs --tier potential
  frontdesk customer show C2026001
  frontdesk customer edit C2026001 --tier high-value --if-version 1
  frontdesk customer edit C2026001 --unpin-tier
  frontdesk customer merge C2026001 C2026007
  frontdesk customer archive-inactive --days 365 --dry-run";

pub const TICKET: &str = "\
Examples:
  frontdesk ticket add --customer C2026001 --kind complaint --priority high --channel phone --subject \"屏幕碎了\"
  frontdesk ticket list --queue --assignee li.na
  frontdesk ticket list --view 本周投诉 --query \"priority:>=high\"
  frontdesk ticket show 1
  frontdesk ticket reply 1 --summary \"已安排换货\"
  frontdesk ticket note 1 --summary \"仓库确认有货\"
  frontdesk ticket note 1 --body-file notes.txt
  frontdesk ticket set 1 --status pending --assignee li.na --if-version 3
  frontdesk ticket set 1 --kind complaint --subject \"屏幕碎裂，要求换货\"
  frontdesk ticket resolve 1 --summary \"换货完成\"
  frontdesk ticket callback 1 --outcome satisfied";

pub const INTERACTION: &str = "\
Examples:
  frontdesk interaction edit 42 --summary \"来电询问发货时间（订单 #1001）\"";

pub const LOG: &str = "\
Examples:
  frontdesk log --customer C2026001 --channel phone --summary \"来电询问发货时间\"
  frontdesk log --customer C2026001 --channel chat --direction out --summary \"发送了使用说明\" --ticket 1";

pub const TIMELINE: &str = "\
Examples:
  frontdesk timeline C2026001
  frontdesk timeline C2026001 --limit 0 --json";

pub const SLA: &str = "\
Examples:
  frontdesk sla calendar add cn --tz Asia/Shanghai --hours \"mon-fri 09:00-12:00,13:00-18:00\" --holiday 2026-10-01 --workday 2026-10-10
  frontdesk sla due --calendar cn --start 2026-09-30T16:00:00+08:00 --minutes 180
  frontdesk sla elapsed --calendar cn --from 2026-09-30T09:00:00Z --to 2026-10-09T09:00:00Z
  frontdesk sla policy add --name \"vip urgent\" --tier high-value --priority urgent --first-response 15m --resolution 4h
  frontdesk sla policy list";

pub const ROUTING: &str = "\
Examples:
  frontdesk routing add --kind complaint --keyword 屏幕 --department quality --position 1
  frontdesk routing add --channel social --department service --assignee li.na
  frontdesk routing list";

pub const ORDER: &str = "\
Examples:
  frontdesk order add --customer C2026001 --amount 1234.50 --product 手机
  frontdesk order list --customer C2026001
  frontdesk order refund 42 --amount 200.00 --note \"屏幕划痕\"
  frontdesk order cancel 42";

pub const REMINDER: &str = "\
Examples:
  frontdesk reminder list --when overdue
  frontdesk reminder add --customer C2026001 --due \"tomorrow 10:00\" --note \"回电确认\"
  frontdesk reminder done 7";

pub const IMPORT: &str = "\
Examples:
  frontdesk import customers customers.csv --dry-run
  frontdesk import tickets tickets.csv
  frontdesk import kb bitext.csv --map assets/maps/bitext_kb.toml";

pub const EXPORT: &str = "\
Examples:
  frontdesk export customers > customers.csv
  frontdesk export tickets --format json > tickets.json";

pub const KB: &str = "\
Examples:
  frontdesk kb add --title 投诉话术 --kind script --tags 投诉 --body \"肯定价值 → 了解需求 → 提供方案\"
  frontdesk kb search 退款
  frontdesk kb show 3";

pub const BACKUP: &str = "\
Examples:
  frontdesk backup ~/backups/frontdesk-2026-10-01.db";

pub const COPY: &str = "\
Examples:
  frontdesk copy --from ~/frontdesk.db --to postgres://team@db.example.com/frontdesk
  frontdesk copy --from postgres://team@db.example.com/frontdesk --to ~/frontdesk-copy.db";

pub const DOCTOR: &str = "\
Examples:
  frontdesk doctor
  frontdesk doctor --json";

pub const AGENT: &str = "\
Examples:
  frontdesk agent add li.na --role supervisor --department service
  frontdesk agent list";

pub const SURVEY: &str = "\
Examples:
  frontdesk survey add --customer C2026001 --ticket 12 --quality 5 --response 4 --communication 3 --comment \"师傅很专业\"
  frontdesk survey list --month 2026-10 --low";

pub const REPORT: &str = "\
Examples:
  frontdesk report
  frontdesk report --month 2026-10 --format md
  frontdesk report --month 2026-10 --by agent
  frontdesk report --weekly --weeks 12";

pub const CONFIG: &str = "\
Examples:
  frontdesk config path
  frontdesk config show
  frontdesk config check";

pub const COMPLETIONS: &str = "\
Examples:
  frontdesk completions bash > ~/.local/share/bash-completion/completions/frontdesk
  frontdesk completions zsh > ~/.zfunc/_frontdesk
  frontdesk completions fish > ~/.config/fish/completions/frontdesk.fish";

pub const MAN: &str = "\
Examples:
  frontdesk man > ~/.local/share/man/man1/frontdesk.1
  frontdesk man --out ~/.local/share/man/man1";
