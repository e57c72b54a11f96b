package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.deploy.internal.docker.DependencyRelay;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay on loopback sockets: it needs no engine, only a second address to listen on. */
class DependencyRelayIT {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private ServerSocket upstream;
  private Thread server;

  @BeforeEach
  void startUpperCasingServer() throws IOException {
    upstream = new ServerSocket(0, 50, LOOPBACK);
    server = new Thread(() -> {
      while (!upstream.isClosed()) {
        try (Socket socket = upstream.accept()) {
          byte[] request = socket.getInputStream().readAllBytes();
          socket.getOutputStream().write(new String(request, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
              .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          return;
        }
      }
    });
    server.setDaemon(true);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    upstream.close();
    server.join(5_000);
  }

  @Test
  void copiesBothWaysAndPassesAHalfClose() throws IOException {
    try (DependencyRelay relay = DependencyRelay.start("payments", LOOPBACK,
        new InetSocketAddress(LOOPBACK, upstream.getLocalPort()))) {

      assertThat(exchange(relay.port(), "hello relay")).isEqualTo("HELLO RELAY");
      assertThat(exchange(relay.port(), "again")).isEqualTo("AGAIN");
    }
  }

  @Test
  void closesTheTwinsConnectionWhenTheSimulatorIsGone() throws IOException {
    int port = upstream.getLocalPort();
    upstream.close();
    try (DependencyRelay relay = DependencyRelay.start("payments", LOOPBACK, new InetSocketAddress(LOOPBACK, port));
         Socket socket = new Socket(LOOPBACK, relay.port())) {
      socket.setSoTimeout(10_000);

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void stopsListeningWhenClosed() throws IOException {
    DependencyRelay relay = DependencyRelay.start("payments", LOOPBACK,
        new InetSocketAddress(LOOPBACK, upstream.getLocalPort()));
    int port = relay.port();
    assertThatThrownBy(() -> new ServerSocket(port, 50, LOOPBACK).close()).as("the relay listens")
        .isInstanceOf(IOException.class);
    relay.close();

    // The port is free again: another server can listen on it. (Connecting to it instead can succeed
    // now and then: the client may be given the freed port as its own and connect to itself.)
    try (ServerSocket again = new ServerSocket(port, 50, LOOPBACK)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket(LOOPBACK, port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
