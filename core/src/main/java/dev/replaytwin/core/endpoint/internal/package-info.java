/**
 * Implementation of endpoint naming: request-target parsing, segment classification and route
 * patterns. Not public API; use {@link dev.replaytwin.core.endpoint.EndpointNamer}.
 */
package dev.replaytwin.core.endpoint.internal;
