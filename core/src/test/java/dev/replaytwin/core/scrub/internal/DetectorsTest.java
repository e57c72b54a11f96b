package dev.replaytwin.core.scrub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorsTest {

  private static List<String> found(Detector detector, String text) {
    return new Detectors(EnumSet.of(detector)).find(text).stream().map(m -> m.in(text)).toList();
  }

  @ParameterizedTest(name = "{0} finds [{2}] in [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      EMAIL | write to alice.smith+news@example.co.uk today | alice.smith+news@example.co.uk
      EMAIL | <a href="mailto:Bob_O'Neil@Mail.Example.COM"> | Bob_O'Neil@Mail.Example.COM
      EMAIL | /search?email=carol%40example.org&x=1 | carol%40example.org
      EMAIL | ends a sentence: dave@example.net. | dave@example.net
      EMAIL | {"email":"erin@xn--bcher-kva.example"} | erin@xn--bcher-kva.example
      CARD | card 4111111111111111 ok | 4111111111111111
      CARD | "pan":"4111 1111 1111 1111" | 4111 1111 1111 1111
      CARD | amex 3782-822463-10005. | 3782-822463-10005
      CARD | 5555555555554444 | 5555555555554444
      CARD | card 4111 1111 1111 1111 2024 expiry | 4111 1111 1111 1111
      CARD | 12 4111 1111 1111 1111 | 4111 1111 1111 1111
      CARD | uatp 122000000000003 | 122000000000003
      IBAN | iban DE89370400440532013000 | DE89370400440532013000
      IBAN | GB82 WEST 1234 5698 7654 32, | GB82 WEST 1234 5698 7654 32
      IBAN | nl91abna0417164300 | nl91abna0417164300
      IBAN | NO9386011117947 | NO9386011117947
      PHONE | call +44 20 7946 0958 now | +44 20 7946 0958
      PHONE | +1 (555) 010-4477 | +1 (555) 010-4477
      PHONE | tel:+4915123456789 | +4915123456789
      PHONE | +49 (0)30 1234567 | +49 (0)30 1234567
      PHONE | office (555) 123-4567 | (555) 123-4567
      PHONE | 555.123.4567 | 555.123.4567
      PHONE | 020 7946 0958 | 020 7946 0958
      PHONE | 030/1234567 | 030/1234567
      PHONE | 06 12 34 56 78 | 06 12 34 56 78
      SSN | ssn 123-45-6789. | 123-45-6789
      IPV4 | X-Forwarded-For: 203.0.113.7 | 203.0.113.7
      IPV4 | client=198.51.100.23:4431 | 198.51.100.23
      IPV4 | hosts 10.0.0.1 | 10.0.0.1
      IPV6 | from 2a00:1450:4001:82b::200e. | 2a00:1450:4001:82b::200e
      IPV6 | [fe80::1ff:fe23:4567:890a]:443 | fe80::1ff:fe23:4567:890a
      IPV6 | 2A00:1450:4001:082B:0000:0000:0000:200E | 2A00:1450:4001:082B:0000:0000:0000:200E
      IPV6 | ::ffff:203.0.113.7 | ::ffff:203.0.113.7
      BEARER | "auth":"Bearer 8f14e45fceea167a5a36dedd4bea2543" | 8f14e45fceea167a5a36dedd4bea2543
      BEARER | bearer  abc.def~ghi/jkl+mn== | abc.def~ghi/jkl+mn==
      """)
  void findsPersonalData(Detector detector, String text, String expected) {
    assertThat(found(detector, text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} ignores [{1}]")
  @CsvSource(delimiter = '|', textBlock = """
      EMAIL | icon@2x.png
      EMAIL | @angular/core
      EMAIL | user@localhost
      EMAIL | qwert@asdfgh.invalid
      EMAIL | x@-bad.com
      EMAIL | trailing@dot.
      CARD | 4111111111111112
      CARD | 1700000000000
      CARD | 1795255200250000000
      CARD | 0123456789012346
      CARD | 41111111111111111111111
      CARD | 411111111111
      CARD | 3.1415926535897932384
      CARD | id4111111111111111
      CARD | 1 234 567 890 123 456
      CARD | 4111 1111-1111 1111
      IBAN | DE89370400440532013001
      IBAN | DE8937040044053201300
      IBAN | XX89370400440532013000
      IBAN | DE89 3704 0044 0532 0130 0
      IBAN | ADE89370400440532013000
      IBAN | DE33000000000532013000
      PHONE | 1700000000000
      PHONE | 4915123456789
      PHONE | 2024-01-15
      PHONE | 10:30:00
      PHONE | 1.2.3.4
      PHONE | 550e8400-e29b-41d4-a716-446655440000
      PHONE | 01234567-0123-4567-89ab-0123456789ab
      PHONE | version 1.20.3
      PHONE | +05:30
      PHONE | 1e+10
      PHONE | +0 20 7946 0958
      PHONE | (055) 123-4567
      PHONE | 00 12 34 56 78
      PHONE | 555-123.4567
      PHONE | +123
      PHONE | 02139-1234
      PHONE | order 12345-678901
      SSN | 000-12-3456
      SSN | 666-12-3456
      SSN | 912-34-5678
      SSN | 123-00-4567
      SSN | 123-45-0000
      SSN | 123456789
      SSN | 1-123-45-6789
      IPV4 | Chrome/120.0.0.0 Safari/537.36
      IPV4 | v1.2.3.4
      IPV4 | 1.3.6.1.4.1.311
      IPV4 | 127.0.0.1
      IPV4 | 0.0.0.0
      IPV4 | 255.255.255.255
      IPV4 | 241.17.3.99
      IPV4 | 1.2.3
      IPV4 | 01.02.03.04
      IPV4 | 10.0.0.256
      IPV4 | 224.0.0.5
      IPV4 | 192.168.1.255
      IPV4 | 4.0.30319.42000
      IPV6 | 10:30:00
      IPV6 | 2024-01-15T10:30:00Z
      IPV6 | std::vector
      IPV6 | Foo::Bar
      IPV6 | ::1
      IPV6 | de::ad
      IPV6 | 2001:db8::17
      IPV6 | ff02::1
      IPV6 | 00:1a:2b:3c:4d:5e
      IPV6 | 1:2:3:4:5:6:7:8:9
      IPV6 | fe80::1::2
      IPV6 | 12345::abcd
      BEARER | Bearer short
      BEARER | Bearer twin_0a9f8e7d6c5b4a39
      BEARER | forbearer 8f14e45fceea167a5a36
      """)
  void ignoresNearMisses(Detector detector, String text) {
    assertThat(found(detector, text)).isEmpty();
  }

  @Test
  void findsJwtsButNotJwtPseudonyms() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(found(Detector.JWT, "token=" + jwt + "&x")).containsExactly(jwt);
    String pseudonym = "eyJhbGciOiJIUzI1NiJ9." + JwtFinder.PSEUDONYM_PAYLOAD_PREFIX + "iOiIwMTIzIn0.abc";
    assertThat(found(Detector.JWT, pseudonym)).isEmpty();
    assertThat(found(Detector.BEARER, "Bearer " + pseudonym)).isEmpty();
    assertThat(found(Detector.JWT, "eyJhbGciOiJIUzI1NiJ9.notjson.sig")).isEmpty();
  }

  @Test
  void overlappingFindsResolveToTheLongest() {
    String text = "mail 4111111111111111@example.com or ::ffff:203.0.113.7";
    assertThat(Detectors.ALL.find(text)).extracting(Match::detector).containsExactly(Detector.EMAIL, Detector.IPV6);
  }

  @Test
  void typicalJsonWithDatesIdsAndVersionsHasNoFinds() {
    assertThat(Detectors.ALL.find("{\"sku\":\"ALD-BLE-90766\",\"qty\":3,\"price\":19.99,"
        + "\"at\":\"2026-11-21T10:00:00.250Z\",\"id\":\"550e8400-e29b-41d4-a716-446655440000\","
        + "\"ts\":1795255200250,\"ua\":\"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0\"}")).isEmpty();
  }
}
