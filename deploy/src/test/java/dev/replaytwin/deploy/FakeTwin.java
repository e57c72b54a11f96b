package dev.replaytwin.deploy;

import dev.replaytwin.core.run.ResourceSample;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A twin without a process, for the tests of what handles twins: records closes, samples on demand. */
final class FakeTwin implements Twin {
  private final String name;
  private final List<String> closeLog;
  volatile Supplier<ResourceSample> sampler = () -> new ResourceSample(1, 1.5, 1024, 3, 4, 0.1);
  volatile TwinExit exit;
  final AtomicInteger samples = new AtomicInteger();

  FakeTwin(String name, List<String> closeLog) {
    this.name = name;
    this.closeLog = closeLog;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:1");
  }

  @Override
  public ResourceSample sample() {
    samples.incrementAndGet();
    return sampler.get();
  }

  @Override
  public Optional<TwinExit> exited() {
    return Optional.ofNullable(exit);
  }

  @Override
  public void close() {
    closeLog.add(name);
  }
}
