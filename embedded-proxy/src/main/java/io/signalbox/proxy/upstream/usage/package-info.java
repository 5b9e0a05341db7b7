/**
 * Token usage read from upstream responses: {@link
 * io.signalbox.proxy.upstream.usage.UsageExtractor} turns the {@code usage} objects of
 * chat/completions, embeddings and the Responses API (and the variants llama.cpp, vLLM and Ollama
 * emit) into {@link io.signalbox.proxy.upstream.usage.UsageCounts}; {@link
 * io.signalbox.proxy.upstream.usage.TokenEstimator} gives a rough count when an upstream reports
 * none. Pure functions over Jackson trees, no I/O.
 */
package io.signalbox.proxy.upstream.usage;
