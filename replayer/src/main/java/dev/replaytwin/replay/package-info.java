/**
 * The replayer: drives a capture open-loop against one or more twins, each request at its intended
 * time, and writes the run directory (latency logs, outcomes, run manifest).
 */
package dev.replaytwin.replay;
