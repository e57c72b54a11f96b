/**
 * Scenario files: the model, loader and validator, and the runner that does a whole pass.
 */
package dev.replaytwin.scenario;
