package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.internal.docker.ContainerDependencies;
import dev.replaytwin.deploy.internal.docker.ContainerDependencies.Subnet;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ContainerDependenciesTest {

  @Test
  void loopbackLiteralsAndLocalhostAreRelayedRealNamesAreNot() {
    assertThat(ContainerDependencies.isLoopback("127.0.0.1")).isTrue();
    assertThat(ContainerDependencies.isLoopback("127.0.1.1")).isTrue();
    assertThat(ContainerDependencies.isLoopback("localhost")).isTrue();
    assertThat(ContainerDependencies.isLoopback("[::1]")).isTrue();
    assertThat(ContainerDependencies.isLoopback("10.1.2.3")).isFalse();
    assertThat(ContainerDependencies.isLoopback("payments.internal")).isFalse();
    assertThat(ContainerDependencies.isLoopback(null)).isFalse();
  }

  @Test
  void rewritesHostAndPortKeepingPathAndQuery() {
    URI inside = ContainerDependencies.withHostAndPort(URI.create("http://127.0.0.1:39001/api?x=1"),
        ContainerDependencies.HOST_ALIAS, 41000);

    assertThat(inside).hasToString("http://host.docker.internal:41000/api?x=1");
  }

  @Test
  void subnetHoldsOnlyItsIpv4Addresses() throws Exception {
    Subnet bridge = Subnet.parse("172.17.0.0/16");

    assertThat(bridge.contains(InetAddress.getByName("172.17.0.1"))).isTrue();
    assertThat(bridge.contains(InetAddress.getByName("172.18.0.1"))).isFalse();
    assertThat(bridge.contains(InetAddress.getByName("::1"))).isFalse();
    assertThat(Subnet.parse("garbage").contains(InetAddress.getByName("172.17.0.1"))).isFalse();
  }
}
