package dev.replaytwin.deploy.stubs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseSequencesTest {
  /** A sequence stub as WireMock reads it from its file: the rest of the responses are plain maps. */
  private static StubMapping fromFile(String... bodies) {
    StringBuilder next = new StringBuilder();
    for (int i = 1; i < bodies.length; i++) {
      next.append(i > 1 ? "," : "").append("{\"status\":200,\"body\":\"").append(bodies[i]).append("\"}");
    }
    return Json.read("{\"id\":\"8c7d1f4e-0000-3000-8000-000000000001\",\"request\":{\"method\":\"GET\",\"urlPath\":\"/a\"},"
        + "\"response\":{\"status\":200,\"body\":\"" + bodies[0] + "\"},"
        + "\"metadata\":{\"replaytwin\":{\"endpoint\":\"GET /a\",\"role\":\"stub\",\"nextResponses\":[" + next + "]}}}",
        StubMapping.class);
  }

  private static List<String> serve(ResponseSequences sequences, StubMapping stub, int calls) {
    Map<?, ?> ours = (Map<?, ?>) stub.getMetadata().get(MappingFactory.METADATA_KEY);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(sequences.next(stub, ours, stub.getResponse()).getBody());
    }
    return out;
  }

  @Test
  void servesTheStubsResponseThenTheRestInOrderAndTheLastRepeats() {
    assertThat(serve(new ResponseSequences(), fromFile("a", "b", "c"), 5)).containsExactly("a", "b", "c", "c", "c");
  }

  @Test
  void aStubWithoutASequenceIsServedItsOwnResponse() {
    StubMapping plain = Json.read("{\"request\":{\"method\":\"GET\"},\"response\":{\"status\":204}}", StubMapping.class);
    ResponseDefinition own = plain.getResponse();
    assertThat(new ResponseSequences().next(plain, null, own)).isSameAs(own);
  }

  @Test
  void eachSimulatorCountsOnItsOwn() {
    StubMapping stub = fromFile("a", "b");
    assertThat(serve(new ResponseSequences(), stub, 1)).containsExactly("a");
    assertThat(serve(new ResponseSequences(), stub, 2)).containsExactly("a", "b");
  }
}
