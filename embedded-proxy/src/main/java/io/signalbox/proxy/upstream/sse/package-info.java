/**
 * Reading upstream {@code text/event-stream} responses: {@link
 * io.signalbox.proxy.upstream.sse.SseParser} splits the bytes into {@link
 * io.signalbox.proxy.upstream.sse.SseEvent}s following the WHATWG HTML "server-sent events" parsing
 * rules, and keeps each event's exact bytes so the proxy can forward them unchanged. No I/O here;
 * the caller feeds whatever chunks the HTTP client delivers.
 */
package io.signalbox.proxy.upstream.sse;
