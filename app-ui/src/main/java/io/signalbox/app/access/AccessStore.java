package io.signalbox.app.access;

import io.signalbox.app.routes.ConfigStore;
import io.signalbox.persistence.StoredAccessKey;
import io.signalbox.persistence.usage.UsageTotal;
import java.time.Instant;
import java.util.List;

/**
 * What the Access screen reads and changes, as a port: the configuration service, the stored keys
 * (prefix, creation, last use) and the request log's usage per key. The app passes the running
 * runtime's services; every call may block on the database.
 */
public interface AccessStore extends ConfigStore {

    /** The stored access keys, without their hashes. */
    List<StoredAccessKey> storedKeys();

    /**
     * Usage per access key name in {@code [since, until)}, {@code since} before {@code until}
     * (group {@code ""}: requests made without a key).
     */
    List<UsageTotal> usageByKey(Instant since, Instant until);
}
