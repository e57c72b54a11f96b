/**
 * Twin drivers (process, docker, external), WireMock dependency simulators, resource sampling and
 * fault injection.
 */
package dev.replaytwin.deploy;
