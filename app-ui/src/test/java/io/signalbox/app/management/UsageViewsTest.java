package io.signalbox.app.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.persistence.usage.Bucket;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.RequestFilter;
import io.signalbox.persistence.usage.StatusClass;
import io.signalbox.proxy.management.ManagementApi;
import io.signalbox.proxy.management.ManagementApi.RequestSelection;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The words of the management API meet the store's: the same meaning on both sides. */
class UsageViewsTest {

    private static final Instant SINCE = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-02T00:00:00Z");

    @ParameterizedTest
    @EnumSource(ManagementApi.Grouping.class)
    void eachGroupingIsTheStoresGroupingOfTheSameName(ManagementApi.Grouping grouping) {
        assertThat(UsageViews.groupBy(grouping)).isEqualTo(GroupBy.valueOf(grouping.name()));
    }

    @ParameterizedTest
    @EnumSource(ManagementApi.Bucket.class)
    void eachBucketIsTheStoresBucketOfTheSameName(ManagementApi.Bucket bucket) {
        assertThat(UsageViews.bucket(bucket)).isEqualTo(Bucket.valueOf(bucket.name()));
    }

    /** The handler refuses a larger page with a 400 before the store would throw. */
    @Test
    void theLargestPageIsTheOneTheStoreReads() {
        assertThat(ManagementApi.MAX_REQUESTS).isEqualTo(RequestFilter.MAX_LIMIT);
    }

    @Test
    void aRequestSelectionBecomesTheSameFilter() {
        RequestSelection selection =
                new RequestSelection(
                        25,
                        Optional.of("chat"),
                        Optional.of("alice"),
                        Optional.empty(),
                        Optional.of("4xx"),
                        Optional.of(SINCE),
                        Optional.of(UNTIL));

        assertThat(UsageViews.filter(selection))
                .isEqualTo(
                        new RequestFilter(
                                Optional.of("chat"),
                                Optional.of("alice"),
                                Optional.empty(),
                                Optional.of(StatusClass.CLIENT_ERROR),
                                Optional.of(SINCE),
                                Optional.of(UNTIL),
                                25));
        assertThat(
                        UsageViews.filter(
                                new RequestSelection(
                                        1,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(503),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty())))
                .isEqualTo(RequestFilter.newest(1).withStatus(503));
    }
}
