package dev.replaytwin.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMethodsTest {
  @Test
  void safeMethodsAreTheReadOnlyOnesAndIdempotentAddsPutAndDelete() {
    for (String m : new String[] {"GET", "HEAD", "OPTIONS", "TRACE"}) {
      assertThat(HttpMethods.isSafe(m)).as(m).isTrue();
      assertThat(HttpMethods.isIdempotent(m)).as(m).isTrue();
    }
    for (String m : new String[] {"PUT", "DELETE"}) {
      assertThat(HttpMethods.isSafe(m)).as(m).isFalse();
      assertThat(HttpMethods.isIdempotent(m)).as(m).isTrue();
    }
    for (String m : new String[] {"POST", "PATCH", "CONNECT", "PROPFIND", "get"}) {
      assertThat(HttpMethods.isSafe(m)).as(m).isFalse();
      assertThat(HttpMethods.isIdempotent(m)).as(m).isFalse();
    }
  }
}
