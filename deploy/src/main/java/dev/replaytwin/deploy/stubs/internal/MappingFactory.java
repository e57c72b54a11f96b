package dev.replaytwin.deploy.stubs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MultiValuePattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.deploy.stubs.LatencyModel;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WireMock mappings of one method and path of a dependency. Requests are told apart by the
 * fields {@link FieldAnalysis} chose; the requests with the same values of those fields form a key.
 * A key whose requests all got the same response gets one stub. A key answered differently over
 * time gets one sequence stub: its first response as the stub's response, the rest in
 * {@link #NEXT_RESPONSES}, which the simulators serve in order, the last repeating. When fields are matched, a fallback stub of lower
 * priority answers requests with values never captured with the path's most frequent response.
 */
public final class MappingFactory {
  /** WireMock's default priority; lower numbers win. */
  public static final int STUB_PRIORITY = 5;
  public static final int FALLBACK_PRIORITY = 8;
  /** Where the stubs keep what the simulators need: {@code metadata.replaytwin}. */
  public static final String METADATA_KEY = "replaytwin";
  public static final String ROLE_STUB = "stub";
  public static final String ROLE_FALLBACK = "fallback";
  /**
   * {@code metadata.replaytwin.nextResponses}: a sequence stub's captured responses after the first
   * (its {@code response}), in captured order; the simulators serve them one per call, the last
   * repeating.
   */
  public static final String NEXT_RESPONSES = "nextResponses";

  private MappingFactory() {}

  /** The exchanges of one method and path, in captured order, and the endpoint they belong to. */
  public record Group(String dependency, String method, String path, String endpoint, List<Exchange> exchanges) {
    public Group {
      exchanges = List.copyOf(exchanges);
    }
  }

  /**
   * What was made for a group: named mappings (ids not yet set), the sequence stubs among them
   * ({@code scenarios} in the index), responses left out of sequences.
   */
  public record Made(List<Named> mappings, int scenarios, long droppedSteps) {}

  /** A mapping and the part of its file name that describes it. */
  public record Named(String label, StubMapping mapping) {}

  /**
   * Builds the mappings of {@code group}.
   *
   * @param fields each exchange's request fields, in the group's order
   */
  public static Made build(Group group, List<Map<String, String>> fields, FieldAnalysis analysis,
      LatencyModel latency, int maxSteps) {
    Map<List<String>, List<Integer>> keys = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      List<String> key = new ArrayList<>(analysis.matched().size());
      for (String f : analysis.matched()) {
        key.add(FieldAnalysis.valueOrAbsent(fields.get(i), f));
      }
      keys.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<Named> out = new ArrayList<>();
    int sequences = 0;
    long dropped = 0;
    int keyNo = 0;
    for (List<Integer> members : keys.values()) {
      keyNo++;
      Map<String, String> example = fields.get(members.get(0));
      List<HttpResponse> responses = members.stream().map(i -> group.exchanges().get(i).response()).toList();
      boolean differ = responses.stream().map(ResponseStubs.Identity::of).distinct().count() > 1;
      String keyLabel = keys.size() > 1 ? " #" + keyNo : "";
      if (!differ) {
        MappingBuilder m = matcher(group, analysis, example, STUB_PRIORITY)
            .withName(group.method() + " " + group.path() + keyLabel)
            .willReturn(response(responses.get(0), latency));
        out.add(new Named(keyLabel, metadata(m, group, ROLE_STUB, List.of()).build()));
        continue;
      }
      sequences++;
      int steps = Math.min(responses.size(), maxSteps);
      dropped += responses.size() - steps;
      // One stub: WireMock serves its response (the first); the simulators serve the sequence from
      // metadata, one response per call by an atomic counter (WireMock scenarios lose calls when
      // requests race a state change, answering them with no stub at all).
      List<ResponseDefinition> next = new ArrayList<>(steps - 1);
      for (int s = 2; s <= steps; s++) {
        next.add(ResponseStubs.of(responses.get(s - 1)).build());
      }
      MappingBuilder m = matcher(group, analysis, example, STUB_PRIORITY)
          .withName(group.method() + " " + group.path() + keyLabel + " sequence of " + steps)
          .willReturn(response(responses.get(0), latency));
      out.add(new Named(keyLabel + " sequence", metadata(m, group, ROLE_STUB, next).build()));
    }
    if (!analysis.matched().isEmpty()) {
      MappingBuilder m = request(group.method(), urlPathEqualTo(group.path()))
          .atPriority(FALLBACK_PRIORITY)
          .withName(group.method() + " " + group.path() + " fallback")
          .willReturn(response(mostFrequent(group.exchanges()), latency));
      out.add(new Named(" fallback", metadata(m, group, ROLE_FALLBACK, List.of()).build()));
    }
    return new Made(out, sequences, dropped);
  }

  private static MappingBuilder matcher(Group group, FieldAnalysis analysis, Map<String, String> example,
      int priority) {
    MappingBuilder m = request(group.method(), urlPathEqualTo(group.path())).atPriority(priority);
    for (String field : analysis.matched()) {
      String value = example.get(field);
      if (field.startsWith("query:")) {
        String name = field.substring("query:".length());
        m.withQueryParam(name, value == null ? MultiValuePattern.absent() : multi(value));
      } else if (field.startsWith("form:")) {
        String name = field.substring("form:".length());
        m.withFormParam(name, value == null ? MultiValuePattern.absent() : multi(value));
      } else if (field.startsWith("json:")) {
        String path = field.substring("json:".length());
        // WireMock compares a string found by JSONPath as text, anything else as JSON.
        m.withRequestBody(value == null ? matchingJsonPath(path, absent())
            : value.startsWith("\"") ? matchingJsonPath(path, equalTo(RequestFields.plain(field, value)))
            : matchingJsonPath(path, equalToJson(value)));
      } else if (value == null) {
        m.withRequestBody(absent());
      } else if (value.startsWith(RequestFields.BASE64_PREFIX)) {
        m.withRequestBody(binaryEqualTo(Base64.getDecoder().decode(value.substring(RequestFields.BASE64_PREFIX.length()))));
      } else {
        m.withRequestBody(equalTo(value));
      }
    }
    return m;
  }

  private static MultiValuePattern multi(String value) {
    String[] parts = value.split(RequestFields.MULTI, -1);
    return parts.length == 1
        ? MultiValuePattern.of(equalTo(parts[0]))
        : havingExactly(parts);
  }

  private static ResponseDefinitionBuilder response(HttpResponse captured, LatencyModel latency) {
    ResponseDefinitionBuilder r = ResponseStubs.of(captured);
    // For WireMock run on its own (wiremock --root-dir); the simulators serve the index's model.
    if (latency instanceof LatencyModel.LogNormal l) {
      return l.maxMillis() > 0 ? r.withLogNormalRandomDelay(l.medianMillis(), l.sigma(), l.maxMillis())
          : r.withLogNormalRandomDelay(l.medianMillis(), l.sigma());
    }
    if (latency instanceof LatencyModel.Empirical e) {
      return r.withFixedDelay((int) Math.round(e.medianMillis()));
    }
    return r;
  }

  private static MappingBuilder metadata(MappingBuilder m, Group group, String role, List<ResponseDefinition> next) {
    Map<String, Object> ours = new LinkedHashMap<>();
    ours.put("endpoint", group.endpoint());
    ours.put("role", role);
    if (!next.isEmpty()) {
      ours.put(NEXT_RESPONSES, next);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put(METADATA_KEY, ours);
    return m.withMetadata(metadata);
  }

  /** The response seen most often (status, type and body), the earliest among equals. */
  private static HttpResponse mostFrequent(List<Exchange> exchanges) {
    Map<ResponseStubs.Identity, Integer> counts = new LinkedHashMap<>();
    Map<ResponseStubs.Identity, HttpResponse> first = new LinkedHashMap<>();
    for (Exchange e : exchanges) {
      ResponseStubs.Identity id = ResponseStubs.Identity.of(e.response());
      counts.merge(id, 1, Integer::sum);
      first.putIfAbsent(id, e.response());
    }
    ResponseStubs.Identity best = null;
    for (Map.Entry<ResponseStubs.Identity, Integer> c : counts.entrySet()) {
      if (best == null || c.getValue() > counts.get(best)) {
        best = c.getKey();
      }
    }
    return first.get(best);
  }
}

