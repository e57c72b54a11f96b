package dev.replaytwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replaytwin.scenario.internal.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Schema shipped for editors names exactly the keys the reader accepts, section by section. */
class ScenarioSchemaTest {
  private static final Path SCHEMA = Path.of("schema/scenario.schema.json");

  @Test
  void everySectionOfTheSchemaHasTheReadersKeys() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Files.readString(SCHEMA));
    JsonNode twin = schema.at("/$defs/twin");
    Map<String, JsonNode> sections = Map.ofEntries(
        Map.entry("", schema),
        Map.entry("capture", schema.at("/properties/capture")),
        Map.entry("twin", twin),
        Map.entry("twin.process", twin.at("/properties/process")),
        Map.entry("twin.docker", twin.at("/properties/docker")),
        Map.entry("twin.external", twin.at("/properties/external")),
        Map.entry("twin.health", schema.at("/$defs/health/oneOf/1")),
        Map.entry("dependencies", schema.at("/properties/dependencies")),
        Map.entry("fault", schema.at("/$defs/fault")),
        Map.entry("replay", schema.at("/properties/replay")),
        Map.entry("capacity", schema.at("/properties/capacity")),
        Map.entry("capacity.budget", schema.at("/properties/capacity/properties/budget")),
        Map.entry("report", schema.at("/properties/report")));

    assertThat(sections.keySet()).isEqualTo(ScenarioReader.KEYS.keySet());
    sections.forEach((section, node) -> {
      assertThat(names(node.path("properties"))).as("schema section '%s'", section)
          .containsExactlyInAnyOrderElementsOf(ScenarioReader.KEYS.get(section));
      assertThat(node.path("additionalProperties").asBoolean(true)).as("section '%s' closed", section).isFalse();
    });
    assertThat(schema.at("/required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("capture", "twins");
  }

  private static List<String> names(JsonNode properties) {
    List<String> out = new ArrayList<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
