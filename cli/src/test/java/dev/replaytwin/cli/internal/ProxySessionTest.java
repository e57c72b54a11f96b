package dev.replaytwin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.ContextTags;
import dev.replaytwin.proxy.Route;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySessionTest {
  @Test
  void capturesAreTaggedWithTheirUpstreamSoReplaysCanRefuseProduction() {
    ContextTags tags = ProxySession.contextTags(ProxySession.withUpstream(Map.of("service", "shop"),
        Route.parse("upstream", "https://shop-backend.internal:8443")));
    assertThat(tags.service()).isEqualTo("shop");
    assertThat(tags.extra()).containsEntry("upstream", "https://shop-backend.internal:8443");

    Map<String, String> given = ProxySession.withUpstream(Map.of("upstream", "http://public.example"),
        Route.parse("upstream", "http://10.0.0.5:8080"));
    assertThat(given).as("a tag given on the command line wins").containsEntry("upstream", "http://public.example");
  }
}
