/**
 * Dependency simulation: WireMock stubs made from egress captures ({@link
 * dev.replaytwin.deploy.stubs.StubGenerator}), and the simulators each twin's dependencies run on
 * ({@link dev.replaytwin.deploy.stubs.DependencySimulators}), with fitted latency, injected faults
 * and a log of every call. The project's {@code docs/stubs.md} describes the layout and the rules.
 */
package dev.replaytwin.deploy.stubs;
