package io.signalbox.proxy.access;

import java.util.Optional;

/**
 * Decides who may call the proxy (CONTRACT section 3). Implemented outside this module on top of
 * the stored access keys, which are kept as hashes only.
 */
public interface AccessPolicy {

    /** No key is needed: no access key exists and the proxy listens on loopback only. */
    boolean keysRequired();

    /** The caller a presented key belongs to; empty for an unknown or revoked key. */
    Optional<Caller> authenticate(String presentedKey);

    /** Everyone may call every route: for tests and a fresh, loopback-only install. */
    AccessPolicy OPEN =
            new AccessPolicy() {
                @Override
                public boolean keysRequired() {
                    return false;
                }

                @Override
                public Optional<Caller> authenticate(String presentedKey) {
                    return Optional.empty();
                }
            };
}
