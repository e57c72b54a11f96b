package dev.replaytwin.replay.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.run.ErrorKind;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  void namesTheKindOfEachFailure() {
    assertThat(Failures.kindOf(new ConnectException("Connection refused"))).isEqualTo(ErrorKind.REFUSED);
    assertThat(Failures.kindOf(new ConnectTimeoutException("connection timed out"))).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(Failures.kindOf(new SslHandshakeTimeoutException("handshake timed out"))).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(Failures.kindOf(new SocketTimeoutException("connect timed out"))).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(Failures.kindOf(new ProtocolException("Unexpected status line"))).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(Failures.kindOf(new UnknownHostException("x.invalid"))).isEqualTo(ErrorKind.UNRESOLVED);
    assertThat(Failures.kindOf(new DecoderException(new SSLHandshakeException("PKIX path building failed"))))
        .isEqualTo(ErrorKind.TLS);
    assertThat(Failures.kindOf(new DecoderException(new CertificateException("No name matching"))))
        .isEqualTo(ErrorKind.TLS);
    assertThat(Failures.kindOf(new TooLongHttpHeaderException("too long"))).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(Failures.kindOf(new SocketException("Connection reset"))).isEqualTo(ErrorKind.RESET);
    assertThat(Failures.kindOf(new IOException("Broken pipe"))).isEqualTo(ErrorKind.RESET);
    assertThat(Failures.kindOf(new ClosedChannelException())).isEqualTo(ErrorKind.RESET);
    assertThat(Failures.kindOf(new IllegalStateException("bug"))).isEqualTo(ErrorKind.OTHER);
  }

  @Test
  void describesAFailureByItsRootCauseOnOneShortLine() {
    assertThat(Failures.detail(new DecoderException(new SSLHandshakeException("PKIX path building failed\nmore"))))
        .isEqualTo("PKIX path building failed");
    assertThat(Failures.detail(new ClosedChannelException())).isEqualTo("ClosedChannelException");
    assertThat(Failures.detail(new IOException("x".repeat(500)))).hasSize(200).endsWith("...");
  }
}
