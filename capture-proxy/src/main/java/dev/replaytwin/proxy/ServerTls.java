package dev.replaytwin.proxy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * TLS termination on a listener: a PEM certificate chain and its PEM (PKCS#8) private key.
 */
public record ServerTls(Path certificateChain, Path privateKey) {
  public ServerTls {
    requireNonNull(certificateChain, "certificateChain");
    requireNonNull(privateKey, "privateKey");
  }
}
