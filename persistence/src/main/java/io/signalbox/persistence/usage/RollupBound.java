package io.signalbox.persistence.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * How far back a filtered request-log scan must go, read from the hourly rollup. Without it, a
 * filter on a route or key with few (or no) requests walks the whole log newest first: 1.3 s over a
 * million rows. The rollup counts every stored request per hour and route or key, written in the
 * same transaction, so the bound is exact, not a guess: no matching request is older than it.
 */
final class RollupBound {

    /** No request of the group in the range at all: the answer is empty without a scan. */
    static final long NONE = Long.MAX_VALUE;

    private RollupBound() {}

    /**
     * The earliest hour start a scan for {@code group} must read.
     *
     * @param dimension {@code route} or {@code key}, as in {@code usage_hourly_by}
     * @param enough when present, the scan may stop once the hours read hold this many requests of
     *     the group (the filter has no other condition that could skip some of them)
     * @return an epoch-millis lower bound, or {@link #NONE}
     */
    static long earliestHour(
            Connection connection,
            String dimension,
            String group,
            long since,
            long until,
            OptionalLong enough)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                        SELECT hour_start, requests FROM usage_hourly_by
                        WHERE dimension = ? AND grp = ? AND hour_start >= ? AND hour_start < ?
                        ORDER BY hour_start DESC
                        """)) {
            select.setString(1, dimension);
            select.setString(2, group);
            // The hour holding `since` starts before it.
            select.setLong(3, since - Math.floorMod(since, 3_600_000L));
            select.setLong(4, until);
            long counted = 0;
            long earliest = NONE;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    earliest = row.getLong(1);
                    counted += row.getLong(2);
                    if (enough.isPresent() && counted >= enough.getAsLong()) {
                        break;
                    }
                }
            }
            return earliest;
        }
    }
}
