package io.signalbox.proxy.upstream;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * The upstream client's buffers: direct ones (the client asks for those only to write requests)
 * come from a pool, heap ones (only to read answers) are new every time.
 *
 * <p>Reading must not pool: Jetty 12.1's HTTP/1.1 client can hand a network buffer back to its pool
 * while a connection still parses from it (jetty/jetty.project#12934), and one call's stream then
 * turns up in another call's answer. Writing has no such path: the header buffer goes back only
 * when its write completed. Unpooled, that header buffer alone was 13 % of all the bytes the proxy
 * allocated per call (docs/performance.md, session 5).
 */
final class OutputBufferPool implements ByteBufferPool {

    private final ByteBufferPool writes = new ArrayByteBufferPool();
    private final ByteBufferPool reads = new ByteBufferPool.NonPooling();

    @Override
    public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
        return direct ? writes.acquire(size, true) : reads.acquire(size, false);
    }

    @Override
    public void clear() {
        writes.clear();
    }
}
