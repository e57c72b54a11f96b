package dev.replaytwin.deploy.stubs.internal;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The captured responses of each sequence stub of one simulator, served one per call in captured
 * order, the last repeating. Each call takes its position from an atomic counter of its stub, so
 * concurrent calls get distinct responses and every call gets one; WireMock's scenarios, which this
 * replaces, let a request racing a state change match no stub at all.
 */
final class ResponseSequences {
  private final Map<UUID, Sequence> sequences = new ConcurrentHashMap<>();

  /** The response for this call to {@code stub}: its own, or the next of its sequence. */
  ResponseDefinition next(StubMapping stub, Map<?, ?> ours, ResponseDefinition stubbed) {
    if (ours == null || !(ours.get(MappingFactory.NEXT_RESPONSES) instanceof List<?> rest) || rest.isEmpty()
        || stub.getId() == null) {
      return stubbed;
    }
    return sequences.computeIfAbsent(stub.getId(), id -> Sequence.of(stubbed, rest)).next(stubbed);
  }

  /** Responses after the stub's own, and how many calls the stub has had. */
  private record Sequence(List<ResponseDefinition> rest, AtomicInteger calls) {
    static Sequence of(ResponseDefinition first, List<?> rest) {
      List<ResponseDefinition> out = new ArrayList<>(rest.size());
      for (Object r : rest) {
        // Read from a file, metadata holds plain maps; stubbed in code, the definitions themselves.
        out.add(r instanceof ResponseDefinition d ? d : Json.getObjectMapper().convertValue(r, ResponseDefinition.class));
      }
      return new Sequence(List.copyOf(out), new AtomicInteger());
    }

    ResponseDefinition next(ResponseDefinition first) {
      int k = calls.getAndUpdate(c -> c == Integer.MAX_VALUE ? c : c + 1);
      return k == 0 ? first : rest.get(Math.min(k, rest.size()) - 1);
    }
  }
}
