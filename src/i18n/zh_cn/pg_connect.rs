//! Simplified Chinese: pg_connect.

use crate::i18n::catalog::pg_connect::PgConnectStrings;

pub const PG_CONNECT: PgConnectStrings = PgConnectStrings {
    not_permitted: "数据库服务器不允许 {login} 执行此操作（{detail}），请联系数据库管理员授权（见 README：PostgreSQL 上的角色）",
    lost_at_commit: "提交更改时与 {target} 的连接中断：更改可能已保存，也可能没有。请先核对，再决定是否重新保存",
    agent_not_login: "在服务器上，坐席即登录账号：{login} 不能以 --agent {agent} 的身份操作（仅数据库所有者可以）",
    unreachable: "无法连接 PostgreSQL 服务器 {target}（{detail}）：请确认服务器已启动，主机和端口无误",
    wrong_password: "PostgreSQL 服务器 {target} 拒绝了用户 {user} 的密码（密码来自{source}）",
    no_password: "PostgreSQL 服务器 {target} 要求用户 {user} 提供密码：请设置 PGPASSWORD、在 ~/.pgpass 中添加一行，或配置 [database] password_command",
    not_allowed: "PostgreSQL 服务器 {target} 不允许用户 {user} 登录（{detail}）",
    no_database: "{target} 上没有数据库 {database}：请用 `createdb {database}`（或 `frontdesk init`）创建",
    tls_refused: "PostgreSQL 服务器 {target} 不支持 TLS，而 sslmode={sslmode} 要求加密连接",
    tls_failed: "与 PostgreSQL 服务器 {target} 建立 TLS 连接失败（sslmode={sslmode}）：{detail}",
    root_cert: "无法使用 sslrootcert 证书文件 {path}（{detail}）",
    password_failed: "database.password_command 执行失败（{status}）",
    password_not_run: "无法运行 database.password_command：{detail}",
    password_empty: "database.password_command 没有输出密码（输出为空或不是 UTF-8 文本）",
    server: "PostgreSQL 服务器 {target} 返回 {code}：{detail}",
    from_environment: "环境变量 PGPASSWORD",
    from_passfile: "密码文件 {path}",
    from_command: "设置项 database.password_command",
    passfile_open: "密码文件 {path} 可被其他用户读取，已忽略（请执行 chmod 600 {path}）",
    url_scheme: "须以 postgres:// 或 postgresql:// 开头（数据库文件请用 --db 或 FRONTDESK_DB 指定）",
    url_password: "含有密码：请从地址中去掉密码，改用 PGPASSWORD、~/.pgpass 或 [database] password_command 提供",
    url_host: "须包含一个主机：主机名、IPv4 地址或 [IPv6] 地址",
    url_port: "端口须为 1 到 65535 之间的数字",
    url_encoding: "含有错误的 %XX 转义、非 UTF-8 文本或控制字符",
    url_sslmode: "sslmode 须为 disable、prefer、require、verify-ca 或 verify-full",
    url_timeout: "connect_timeout 须为整数秒",
    url_parameter: "只接受 sslmode、sslrootcert、connect_timeout 和 application_name 参数（不能带 #片段）",
};
