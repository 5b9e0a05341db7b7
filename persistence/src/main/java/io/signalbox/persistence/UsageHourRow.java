package io.signalbox.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * The usage of one hour for one route, target and access key, from the hourly rollup.
 *
 * @param hourStart the first instant of the hour (UTC)
 * @param provider the serving provider, absent for requests that no target served
 * @param model the serving model, absent for requests that no target served
 * @param accessKeyName absent for requests made without an access key
 * @param errors requests that {@linkplain RequestRecord#failed() failed}
 * @param estimatedRequests requests whose token counts are estimates
 */
public record UsageHourRow(
        Instant hourStart,
        String route,
        Optional<String> provider,
        Optional<String> model,
        Optional<String> accessKeyName,
        long requests,
        long errors,
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedTokens,
        long reasoningTokens,
        long estimatedRequests) {}
