package io.signalbox.proxy.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids ({@code x-request-id}, the request log's key) that sort by time: 12 hex digits of
 * epoch milliseconds, then 12 of a counter that starts at a random value. New rows therefore land
 * at the end of the request log's B-tree instead of at random places; random UUIDs made H2 rewrite
 * many pages per flush and cost more CPU than the proxying itself.
 */
final class RequestIds {

    private final Clock clock;
    private final AtomicLong counter = new AtomicLong(new SecureRandom().nextLong() >>> 16);

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long sequence = counter.getAndIncrement() & 0xFFFF_FFFF_FFFFL;
        char[] id = new char[24];
        writeHex(id, 0, millis);
        writeHex(id, 12, sequence);
        return new String(id);
    }

    private static void writeHex(char[] target, int offset, long value) {
        for (int i = 11; i >= 0; i--) {
            target[offset + i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
    }
}
