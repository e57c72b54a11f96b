/**
 * The capture proxy: a Netty reverse proxy in front of production that records scrubbed
 * exchanges into {@code .twcap} files without ever slowing or failing a client request.
 */
package dev.replaytwin.proxy;
