package dev.replaytwin.deploy.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import dev.replaytwin.deploy.DeployException;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container twin's dependencies as it reaches them from inside. Simulators listen on this
 * machine's loopback, which a container cannot reach: each one gets a {@link DependencyRelay} on
 * the Docker bridge's gateway address (an address of this machine every container on the default
 * bridge can reach), and the twin is told {@code http://host.docker.internal:<relay port>}, the
 * name mapped to that address in its {@code /etc/hosts}. Dependencies elsewhere are passed as
 * they are.
 *
 * <p>When the bridge's gateway is not an address of this machine (a remote engine, Docker
 * Desktop's VM), no relay can help: the name maps to Docker's {@code host-gateway} and the
 * original ports are kept, which Docker Desktop forwards to the host.
 */
public final class ContainerDependencies implements Closeable {
  /** The name containers reach this machine by. */
  public static final String HOST_ALIAS = "host.docker.internal";
  private static final Logger LOG = LoggerFactory.getLogger(ContainerDependencies.class);

  private final Map<String, URI> inside;
  private final List<DependencyRelay> relays;
  private final String hostAddress;

  private ContainerDependencies(Map<String, URI> inside, List<DependencyRelay> relays, String hostAddress) {
    this.inside = inside;
    this.relays = relays;
    this.hostAddress = hostAddress;
  }

  /** Relays for {@code dependencies} (as seen from this machine) of twin {@code twin}. */
  public static ContainerDependencies open(DockerClient client, String twin, Map<String, URI> dependencies)
      throws DeployException {
    Optional<InetAddress> bridge = bridgeAddress(client);
    Map<String, URI> inside = new LinkedHashMap<>();
    List<DependencyRelay> relays = new ArrayList<>();
    try {
      for (Map.Entry<String, URI> dependency : new TreeMap<>(dependencies).entrySet()) {
        URI uri = dependency.getValue();
        if (!isLoopback(uri.getHost())) {
          inside.put(dependency.getKey(), uri);
          continue;
        }
        int port = port(uri);
        if (bridge.isPresent()) {
          DependencyRelay relay = startRelay(twin, dependency.getKey(), bridge.get(), uri, port);
          relays.add(relay);
          port = relay.port();
        } else {
          LOG.warn("{}: the Docker bridge's gateway is not an address of this machine; dependency {} is"
              + " passed as {}:{} (works with Docker Desktop)", twin, dependency.getKey(), HOST_ALIAS, port);
        }
        inside.put(dependency.getKey(), withHostAndPort(uri, HOST_ALIAS, port));
      }
    } catch (DeployException | RuntimeException e) {
      relays.forEach(DependencyRelay::close);
      throw e;
    }
    return new ContainerDependencies(Collections.unmodifiableMap(inside), List.copyOf(relays),
        bridge.map(InetAddress::getHostAddress).orElse("host-gateway"));
  }

  /** Dependency name to URI as the container reaches it. */
  public Map<String, URI> inside() {
    return inside;
  }

  /** The address {@link #HOST_ALIAS} stands for in the container: an IP, or {@code host-gateway}. */
  public String hostAddress() {
    return hostAddress;
  }

  @Override
  public void close() {
    relays.forEach(DependencyRelay::close);
  }

  private static DependencyRelay startRelay(String twin, String name, InetAddress bridge, URI uri, int port)
      throws DeployException {
    try {
      return DependencyRelay.start(twin + "-" + name, bridge, new InetSocketAddress(uri.getHost(), port));
    } catch (IOException e) {
      throw new DeployException(twin + ": dependency " + name + ": cannot listen on the Docker bridge address "
          + bridge.getHostAddress() + " for containers to reach it: " + e.getMessage(), "", e);
    }
  }

  /**
   * This machine's address on the engine's default bridge: the gateway the engine reports, or else
   * the local address inside the bridge's subnet (Docker 20.10 reports only the subnet).
   */
  static Optional<InetAddress> bridgeAddress(DockerClient client) {
    List<Network.Ipam.Config> configs;
    try {
      Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
      configs = bridge.getIpam() == null || bridge.getIpam().getConfig() == null ? List.of()
          : bridge.getIpam().getConfig();
    } catch (RuntimeException e) {
      LOG.warn("cannot inspect the Docker bridge network: {}", e.getMessage());
      return Optional.empty();
    }
    List<InetAddress> local = localIpv4Addresses();
    for (Network.Ipam.Config config : configs) {
      for (InetAddress address : local) {
        if (address.getHostAddress().equals(config.getGateway())
            || config.getSubnet() != null && Subnet.parse(config.getSubnet()).contains(address)) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  private static List<InetAddress> localIpv4Addresses() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            addresses.add(address);
          }
        }
      }
    } catch (SocketException e) {
      LOG.warn("cannot list this machine's network interfaces: {}", e.getMessage());
    }
    return addresses;
  }

  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literals: a real host name stays as it is, without a DNS lookup.
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  public static URI withHostAndPort(URI uri, String host, int port) {
    try {
      return new URI(uri.getScheme(), uri.getUserInfo(), host, port, uri.getPath(), uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(uri + ": " + e.getMessage(), e);
    }
  }

  /** An IPv4 subnet such as {@code 172.17.0.0/16}. */
  public record Subnet(int network, int prefix) {
    public static Subnet parse(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        if (slash < 0) {
          return new Subnet(0, 33);
        }
        InetAddress base = InetAddress.getByName(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        return base instanceof Inet4Address ? new Subnet(toInt(base), prefix) : new Subnet(0, 33);
      } catch (UnknownHostException | NumberFormatException e) {
        return new Subnet(0, 33);
      }
    }

    /** False for anything that is not IPv4, and always for an unparseable subnet (prefix 33). */
    public boolean contains(InetAddress address) {
      if (!(address instanceof Inet4Address) || prefix > 32) {
        return false;
      }
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      return (toInt(address) & mask) == (network & mask);
    }

    private static int toInt(InetAddress address) {
      byte[] b = address.getAddress();
      return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }
  }
}
