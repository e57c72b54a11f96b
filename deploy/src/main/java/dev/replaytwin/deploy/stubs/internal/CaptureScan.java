package dev.replaytwin.deploy.stubs.internal;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.deploy.stubs.StubIndex.SourceCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Reads the outbound exchanges of captures, and looks for values among the service's inputs. */
public final class CaptureScan {
  private CaptureScan() {}

  /**
   * The outbound exchanges of the captures.
   *
   * @param exchanges those with a response, of the dependencies asked for, in captured order
   * @param withoutResponse per dependency, those left out because no response arrived
   * @param dependenciesSeen every dependency named by an outbound exchange, sorted
   * @param inbound how many inbound exchanges the captures hold
   */
  public record Outbound(List<Exchange> exchanges, Map<String, Long> withoutResponse, List<SourceCapture> sources,
      Set<String> dependenciesSeen, long inbound) {}

  /** Reads {@code captures} in turn, keeping the outbound exchanges of {@code only} (empty: all). */
  public static Outbound read(List<Path> captures, Set<String> only) throws IOException {
    List<Exchange> kept = new ArrayList<>();
    Map<String, Long> withoutResponse = new TreeMap<>();
    Set<String> seen = new TreeSet<>();
    List<SourceCapture> sources = new ArrayList<>();
    long inbound = 0;
    for (Path capture : captures) {
      long outbound = 0;
      List<Path> files;
      try (CaptureReader reader = CaptureReader.open(capture)) {
        files = reader.files();
        for (Exchange e; (e = reader.next()) != null; ) {
          if (e.direction() == Direction.INBOUND) {
            inbound++;
            continue;
          }
          seen.add(e.dependency());
          if (!only.isEmpty() && !only.contains(e.dependency())) {
            continue;
          }
          outbound++;
          if (e.response() == null) {
            withoutResponse.merge(e.dependency(), 1L, Long::sum);
          } else {
            kept.add(e);
          }
        }
      }
      sources.add(new SourceCapture(capture.getFileName().toString(), Sha256.ofFiles(files), outbound));
    }
    // Stable: exchanges captured at the same nanosecond keep the order of the files.
    kept.sort(Comparator.comparingLong(Exchange::captureTimeNanos));
    return new Outbound(kept, withoutResponse, sources, seen, inbound);
  }

  /**
   * Which of {@code candidates} are among the service's inputs: the values of its inbound requests
   * (read again from {@code captures}) and of its dependencies' responses.
   */
  public static Set<String> inputsAmong(List<Path> captures, List<Exchange> outbound, Set<String> candidates)
      throws IOException {
    Set<String> found = new HashSet<>();
    if (candidates.isEmpty()) {
      return found;
    }
    Consumer<String> sink = v -> {
      if (candidates.contains(v)) {
        found.add(v);
      }
    };
    for (Exchange e : outbound) {
      RequestFields.values(e.response().body(), e.response().headers().entries().stream()
          .map(dev.replaytwin.core.Header::value).toList(), sink);
    }
    for (Path capture : captures) {
      try (CaptureReader reader = CaptureReader.open(capture)) {
        for (Exchange e; (e = reader.next()) != null; ) {
          if (e.direction() == Direction.INBOUND) {
            RequestFields.values(e.request(), sink);
          }
        }
      }
    }
    return found;
  }
}
