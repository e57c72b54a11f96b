package dev.replaytwin.deploy.stubs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long one dependency endpoint takes to answer, fitted to its captured latencies (request start
 * to the dependency's first response byte). {@code reason} says why this model was chosen.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LatencyModel.LogNormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = LatencyModel.Empirical.class, name = "empirical"),
    @JsonSubTypes.Type(value = LatencyModel.None.class, name = "none")})
public sealed interface LatencyModel permits LatencyModel.LogNormal, LatencyModel.Empirical, LatencyModel.None {

  /** How many captured latencies the model was fitted to. */
  int samples();

  /** Why this model, in a person's words. */
  String reason();

  /** A delay drawn from the model, in milliseconds. */
  double sampleMillis(Random random);

  /** The model in a few words: {@code lognormal median 23.1 ms sigma 0.41}. */
  String describe();

  /**
   * A log-normal: {@code exp(ln(medianMillis) + sigma * N(0,1))}, never above {@code maxMillis}
   * (the largest latency captured) when that is positive.
   */
  record LogNormal(double medianMillis, double sigma, double maxMillis, int samples, String reason)
      implements LatencyModel {
    public LogNormal {
      requireNonNull(reason, "reason");
      if (!(medianMillis > 0) || !(sigma >= 0) || !(maxMillis >= 0) || samples < 0) {
        throw new IllegalArgumentException("lognormal: median " + medianMillis + ", sigma " + sigma + ", max "
            + maxMillis + ", samples " + samples + " (expected: median > 0, sigma, max and samples >= 0)");
      }
    }

    @Override
    public double sampleMillis(Random random) {
      double v = medianMillis * Math.exp(sigma * random.nextGaussian());
      return maxMillis > 0 ? Math.min(v, maxMillis) : v;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "lognormal median %s ms sigma %.2f", millis(medianMillis), sigma);
    }
  }

  /**
   * The captured latencies' distribution, as quantiles: a delay is drawn by picking a uniform
   * probability and interpolating between the two quantiles around it.
   */
  record Empirical(List<Quantile> quantiles, int samples, String reason) implements LatencyModel {
    public Empirical {
      quantiles = List.copyOf(requireNonNull(quantiles, "quantiles"));
      requireNonNull(reason, "reason");
      if (quantiles.size() < 2 || quantiles.get(0).p() != 0 || quantiles.get(quantiles.size() - 1).p() != 1) {
        throw new IllegalArgumentException("quantiles: " + quantiles + " (expected: from p 0 to p 1)");
      }
      for (int i = 1; i < quantiles.size(); i++) {
        Quantile a = quantiles.get(i - 1);
        Quantile b = quantiles.get(i);
        if (!(b.p() > a.p()) || b.millis() < a.millis()) {
          throw new IllegalArgumentException("quantiles: " + a + " then " + b
              + " (expected: p rising, millis not falling)");
        }
      }
    }

    @Override
    public double sampleMillis(Random random) {
      double u = random.nextDouble();
      for (int i = 1; i < quantiles.size(); i++) {
        Quantile hi = quantiles.get(i);
        if (u <= hi.p()) {
          Quantile lo = quantiles.get(i - 1);
          return lo.millis() + (hi.millis() - lo.millis()) * (u - lo.p()) / (hi.p() - lo.p());
        }
      }
      return quantiles.get(quantiles.size() - 1).millis();
    }

    /** The median, read off the quantiles. */
    public double medianMillis() {
      for (int i = 1; i < quantiles.size(); i++) {
        Quantile hi = quantiles.get(i);
        if (hi.p() >= 0.5) {
          Quantile lo = quantiles.get(i - 1);
          return lo.millis() + (hi.millis() - lo.millis()) * (0.5 - lo.p()) / (hi.p() - lo.p());
        }
      }
      return quantiles.get(quantiles.size() - 1).millis();
    }

    @Override
    public String describe() {
      return "empirical median " + millis(medianMillis()) + " ms p99 " + millis(at(0.99)) + " ms";
    }

    private double at(double p) {
      for (Quantile q : quantiles) {
        if (q.p() >= p) {
          return q.millis();
        }
      }
      return quantiles.get(quantiles.size() - 1).millis();
    }
  }

  /** No delay: nothing was recorded, or none was asked for. */
  record None(int samples, String reason) implements LatencyModel {
    public None {
      requireNonNull(reason, "reason");
    }

    @Override
    public double sampleMillis(Random random) {
      return 0;
    }

    @Override
    public String describe() {
      return "no delay";
    }
  }

  /** The latency below which a share {@code p} of the captured latencies fell. */
  record Quantile(double p, double millis) {
    public Quantile {
      if (!(p >= 0 && p <= 1) || !(millis >= 0)) {
        throw new IllegalArgumentException("quantile: p " + p + ", millis " + millis
            + " (expected: p in 0..1, millis >= 0)");
      }
    }
  }

  private static String millis(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : ms >= 10
        ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
  }
}
