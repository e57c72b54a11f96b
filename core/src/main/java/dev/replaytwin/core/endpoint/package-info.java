/**
 * Endpoint naming: {@link dev.replaytwin.core.endpoint.EndpointNamer} turns a request's method and
 * target into the name that capture statistics, the replayer and the comparator group traffic by,
 * such as {@code GET /users/{id}/orders/{uuid}}.
 */
package dev.replaytwin.core.endpoint;
