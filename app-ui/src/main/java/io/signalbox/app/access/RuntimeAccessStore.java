package io.signalbox.app.access;

import io.signalbox.app.routes.ConfigServiceStore;
import io.signalbox.app.runtime.ConfigService;
import io.signalbox.persistence.Database;
import io.signalbox.persistence.StoredAccessKey;
import io.signalbox.persistence.usage.GroupBy;
import io.signalbox.persistence.usage.UsageTotal;
import java.time.Instant;
import java.util.List;

/** The running runtime's config service, key repository and request log as the Access port. */
final class RuntimeAccessStore extends ConfigServiceStore implements AccessStore {

    private final Database database;

    RuntimeAccessStore(ConfigService service, Database database) {
        super(service);
        this.database = database;
    }

    @Override
    public List<StoredAccessKey> storedKeys() {
        return database.accessKeyRepository().list();
    }

    @Override
    public List<UsageTotal> usageByKey(Instant since, Instant until) {
        return database.usageQueries().totals(since, until, GroupBy.KEY);
    }
}
