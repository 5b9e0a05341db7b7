/**
 * Provider model discovery: asks a provider's {@code GET {baseUrl}/models}, remembers what it
 * found, and reports what changed since the last time and which route targets lost their model.
 *
 * <p>Plain Java with blocking calls and no JavaFX: the desktop app runs a discovery off the FX
 * thread, the management API ({@code POST /api/providers/{name}/discover}) on its request thread.
 */
package io.signalbox.app.discovery;
