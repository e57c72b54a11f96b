/**
 * How the public drivers of {@code dev.replaytwin.deploy} do their work: launching and stopping
 * process trees, health polling, and reading resource use from {@code /proc}, HotSpot's
 * performance counters and Prometheus text. Not API: anything here may change without notice.
 */
package dev.replaytwin.deploy.internal;
