package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Nullable;

/**
 * A captured request chosen for replay.
 *
 * @param exchange the captured exchange (request and, when captured, its response)
 * @param pass which pass over the capture, from 0 ({@code --loop} makes more)
 * @param capturedNanos its capture time, moved on by whole capture spans on later passes
 * @param order its position in the file, which breaks ties between equal capture times
 * @param endpoint its endpoint name, e.g. {@code GET /users/{id}}
 * @param sessionKey its session key, or null when it belongs to no session
 * @param write true for a method that may change state (anything but GET, HEAD, OPTIONS, TRACE)
 */
public record Planned(Exchange exchange, int pass, long capturedNanos, long order, String endpoint,
    @Nullable String sessionKey, boolean write) {}
