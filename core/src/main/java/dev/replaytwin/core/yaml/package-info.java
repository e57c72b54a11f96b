/**
 * YAML documents read as trees whose nodes know their line, so that the policies and scenarios
 * written in YAML (scrub policy, gate policy, scenarios) can report every problem with its file, line
 * and field.
 */
package dev.replaytwin.core.yaml;
