package dev.replaytwin.bench.internal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the capture-format benchmark.
 *
 * @param exchanges exchanges generated up front and written in every pass
 * @param warmup untimed passes per configuration
 * @param iterations timed passes per configuration
 * @param configs codec configurations, measured with fsync NEVER
 * @param blockBytes the writer's block size
 * @param dir where capture files are written (and deleted)
 * @param seed traffic generator seed
 * @param gzipRuns timed runs of the gzip reference
 */
public record BenchOptions(int exchanges, int warmup, int iterations, List<CodecConfig> configs, int blockBytes,
    Path dir, long seed, int gzipRuns) {

  public static final String USAGE = """
      Usage: CaptureFormatBench [options]
        --exchanges N     exchanges generated up front (default 200000)
        --iterations N    timed passes per codec; the median and best are printed (default 5)
        --warmup N        untimed passes per codec first (default 1)
        --codecs LIST     e.g. zstd:1,zstd:3,lz4,deflate:6,none (default zstd:1,zstd:2,zstd:3,zstd:6,lz4,deflate:6,none)
        --block-bytes N   writer block size (default 1048576, the writer's default)
        --gzip-runs N     timed runs of the gzip -6 reference (default 3)
        --dir DIR         where capture files go; they are deleted afterwards (default: the temp dir)
        --seed N          traffic seed (default 42)""";

  public BenchOptions {
    requireNonNull(dir, "dir");
    configs = List.copyOf(requireNonNull(configs, "configs"));
    if (exchanges < 1 || iterations < 1 || warmup < 0 || gzipRuns < 1 || configs.isEmpty()) {
      throw new IllegalArgumentException("exchanges, iterations, gzip runs: >= 1; warmup: >= 0; codecs: not empty");
    }
  }

  /**
   * Parses {@code --name value} and {@code --name=value}; a later option wins over an earlier one.
   *
   * @throws IllegalArgumentException with a one-line message on anything it does not understand
   */
  public static BenchOptions parse(String[] args) {
    int exchanges = 200_000;
    int warmup = 1;
    int iterations = 5;
    String codecs = "zstd:1,zstd:2,zstd:3,zstd:6,lz4,deflate:6,none";
    int blockBytes = 1 << 20;
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    long seed = 42;
    int gzipRuns = 3;
    for (Map.Entry<String, String> option : Args.parse(args).entrySet()) {
      String name = option.getKey();
      String value = option.getValue();
      switch (name) {
        case "--exchanges" -> exchanges = Args.number(name, value);
        case "--iterations" -> iterations = Args.number(name, value);
        case "--warmup" -> warmup = Args.number(name, value);
        case "--codecs" -> codecs = value;
        case "--block-bytes" -> blockBytes = Args.number(name, value);
        case "--gzip-runs" -> gzipRuns = Args.number(name, value);
        case "--dir" -> dir = Path.of(value);
        case "--seed" -> seed = Args.number(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    List<CodecConfig> configs = new ArrayList<>();
    for (String spec : codecs.split(",")) {
      if (!spec.isBlank()) {
        configs.add(CodecConfig.parse(spec));
      }
    }
    return new BenchOptions(exchanges, warmup, iterations, configs, blockBytes, dir, seed, gzipRuns);
  }
}
