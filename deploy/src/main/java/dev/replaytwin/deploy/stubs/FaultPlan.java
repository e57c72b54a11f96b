package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The faults one twin's simulators inject, in order, and the seed of the random draws that decide
 * which calls a rated fault hits: twins started with the same plan see the same decisions for the
 * same sequence of calls.
 *
 * <p>When several faults hit one call, their delays add up and the first failing one in the list
 * (error, reset, empty, rate-limit, outage) decides how the call fails.
 */
public record FaultPlan(List<Fault> faults, long seed) {
  /** No faults. */
  public static final FaultPlan NONE = new FaultPlan(List.of(), 1);

  public FaultPlan {
    faults = List.copyOf(requireNonNull(faults, "faults"));
  }

  /** These faults, seed 1. */
  public static FaultPlan of(Fault... faults) {
    return new FaultPlan(List.of(faults), 1);
  }

  public FaultPlan withSeed(long seed) {
    return new FaultPlan(faults, seed);
  }
}
