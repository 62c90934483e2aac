//! Each customer's last outbound contact, as the reminder reads need it.

/// The SQL expression for customer `c`'s last outbound contact up to `?2`
/// (`now`). The stored one (`customer_last_outbound`, kept exact by the
/// triggers of migration 0016) is one search by primary key instead of a
/// search of the interactions per customer; only when it lies after `now`
/// (a clock set back with `--now`) are the interactions searched for the
/// last one up to `now`. No stored row: no outbound contact at all, NULL.
macro_rules! last_outbound_of_c {
    () => {
        "(SELECT CASE WHEN lo.at <= ?2 THEN lo.at
                 ELSE (SELECT max(i.at) FROM interactions i
                        WHERE i.customer_id = c.id AND i.direction = 'out' AND i.at <= ?2) END
            FROM customer_last_outbound lo WHERE lo.customer_id = c.id)"
    };
}
