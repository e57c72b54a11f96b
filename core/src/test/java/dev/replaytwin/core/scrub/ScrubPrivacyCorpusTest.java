package dev.replaytwin.core.scrub;

import static dev.replaytwin.core.scrub.TestMessages.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.CaptureWriter;
import dev.replaytwin.core.capture.CaptureWriterOptions;
import dev.replaytwin.core.capture.FsyncPolicy;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal data seeded in every place a policy covers — headers, cookies, Set-Cookie, query, path,
 * JSON fields, form fields, free text, a gzip body, a truncated body, a dependency call — must not
 * survive scrubbing, writing and reading back, in any encoding, and the audit must find nothing.
 */
class ScrubPrivacyCorpusTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String PHONE = "+44 20 7946 0958";
  private static final String CARD = "4111 1111 1111 1111";
  private static final String IBAN = "DE89 3704 0044 0532 0130 00";
  private static final String SSN = "123-45-6789";
  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Ng";
  private static final String IPV4 = "203.0.113.77";
  private static final String IPV6 = "2a00:1450:4001:82b::200e";
  private static final String BEARER = "opaqueTokenAbc123XYZ789";
  private static final String PASSWORD = "Tr0ub4dor&3horse";
  private static final String API_KEY = "sk_live_51HxYzAbCdEfGhIj";
  private static final String SESSION = "s3ss10nV4lu3xyz";
  private static final String NAME = "Jane Doe";
  private static final List<String> SEEDS =
      List.of(EMAIL, PHONE, CARD, IBAN, SSN, JWT, IPV4, IPV6, BEARER, PASSWORD, API_KEY, SESSION, NAME);
  private static final String FREE_TEXT = "Customer " + EMAIL + " (" + PHONE + ") paid with " + CARD + " from " + IBAN
      + ", SSN " + SSN + ", token " + JWT + ", via " + IPV4 + " / " + IPV6 + ". Authorization: Bearer " + BEARER;

  @TempDir Path dir;
  private List<Exchange> corpus;

  @BeforeEach
  void seedPersonalDataEverywhere() {
    String json = "{\"customer\":{\"fullName\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE
        + "\",\"ssn\":\"" + SSN + "\",\"password\":\"" + PASSWORD + "\"},\"payment\":{\"card\":\"" + CARD
        + "\",\"iban\":\"" + IBAN + "\"},\"auth\":\"Bearer " + BEARER + "\",\"client\":{\"ip\":\"" + IPV4
        + "\",\"ip6\":\"" + IPV6 + "\"},\"" + EMAIL + "\":\"as a key\",\"note\":\"" + FREE_TEXT + "\"}";
    HttpRequest api = new HttpRequest("POST", "/customers/" + EMAIL + "/cards/" + CARD.replace(" ", "")
        + "?email=" + encode(EMAIL) + "&phone=" + encode(PHONE) + "&access_token=" + encode(PASSWORD) + "&ip=" + IPV4,
        "HTTP/1.1", Headers.of("Authorization", "Bearer " + JWT, "X-Api-Key", API_KEY,
            "Cookie", "session=" + SESSION + "; email=" + encode(EMAIL), "X-Forwarded-For", IPV4 + ", " + IPV6,
            "Referer", "https://shop.example.com/profile?iban=" + IBAN.replace(" ", ""), "X-Note", FREE_TEXT,
            "Content-Type", "application/json"), Body.ofUtf8(json));
    HttpResponse gzipText = new HttpResponse(200, Headers.of("Set-Cookie", "session=" + SESSION + "; Path=/; HttpOnly",
        "Content-Type", "text/plain; charset=utf-8", "Content-Encoding", "gzip"), TestMessages.gzip(FREE_TEXT));

    String form = "email=" + encode(EMAIL) + "&password=" + encode(PASSWORD) + "&card=" + encode(CARD) + "&iban="
        + IBAN.replace(" ", "") + "&phone=" + encode(PHONE);
    HttpRequest login = new HttpRequest("POST", "/login", "HTTP/1.1",
        Headers.of("Content-Type", "application/x-www-form-urlencoded"), Body.ofUtf8(form));
    HttpResponse html = new HttpResponse(200, Headers.of("Content-Type", "text/html"),
        Body.ofUtf8("<p>Welcome <a href=\"mailto:" + EMAIL + "\">" + EMAIL + "</a>, call " + PHONE + "</p>"));

    byte[] cut = json.substring(0, json.indexOf("\"payment\"") + 30).getBytes(StandardCharsets.UTF_8);
    HttpRequest truncated = new HttpRequest("PUT", "/profile", "HTTP/1.1",
        Headers.of("Content-Type", "application/json"), Body.truncated(cut, 100_000));

    HttpRequest charge = new HttpRequest("POST", "/v1/charges", "HTTP/1.1", Headers.of("Content-Type",
        "application/json", "Authorization", "Basic " + API_KEY), Body.ofUtf8("{\"pan\":\"" + CARD + "\",\"iban\":\""
        + IBAN + "\",\"receipt_email\":\"" + EMAIL + "\"}"));

    long t = 1_795_255_200_000_000_000L;
    corpus = List.of(
        Exchange.inbound("api", t, IPV4 + ":50123", api, gzipText, Timings.startedAt(t)),
        Exchange.inbound("login", t + 1, "[" + IPV6 + "]:443", login, html, Timings.startedAt(t + 1)),
        Exchange.inbound("truncated", t + 2, "conn-3", truncated, null, Timings.startedAt(t + 2)),
        new Exchange("charge", t + 3, Direction.OUTBOUND, "payments", "up-1", charge,
            new HttpResponse(201, Headers.EMPTY, Body.EMPTY), Timings.startedAt(t + 3), ContextTags.EMPTY, List.of()));
  }

  @Test
  void theUnscrubbedCorpusHoldsEverySeedAndAuditsDirty() {
    String text = dump(corpus);

    assertThat(SEEDS).allSatisfy(seed -> assertThat(text).contains(seed));
    assertThat(corpus).allSatisfy(e -> assertThat(PiiScanner.scan(e)).isNotEmpty());
  }

  @Test
  void noSeedSurvivesScrubbingWritingAndReadingBackAndTheAuditFindsNothing() throws Exception {
    Scrubber scrubber = TestMessages.scrubber("json:\n  - path: $..fullName\n    action: pseudonymise\n");
    Path file = dir.resolve("corpus.twcap");
    try (CaptureWriter writer = CaptureWriter.open(file, CaptureWriterOptions.builder().fsync(FsyncPolicy.NEVER)
        .scrubPolicyDigest(scrubber.policy().digest()).build())) {
      for (Exchange e : corpus) {
        writer.append(scrubber.scrub(e));
      }
    }

    List<Exchange> readBack = readAll(file);
    String text = dump(readBack);

    assertThat(readBack).hasSameSizeAs(corpus);
    for (String seed : SEEDS) {
      for (String form : forms(seed)) {
        assertThat(text).as("seed %s written as %s", seed, form).doesNotContain(form);
      }
    }
    assertThat(readBack).allSatisfy(e -> assertThat(PiiScanner.scan(e)).isEmpty());
  }

  @Test
  void pseudonymsJoinAcrossRecordsWrittenWithTheSameKey() {
    Scrubber one = Scrubber.create(ScrubPolicy.defaults(), KEY);
    Scrubber other = Scrubber.create(ScrubPolicy.defaults(), KEY);

    String fromApi = one.scrub(corpus.get(0)).request().target().split("/")[2];
    String fromCharge = other.scrub(corpus.get(3)).request().body().toUtf8();

    assertThat(fromApi).endsWith(".invalid");
    assertThat(fromCharge).contains("\"receipt_email\":\"" + fromApi + "\"");
  }

  private static List<String> forms(String seed) {
    List<String> forms = new ArrayList<>(List.of(seed, encode(seed), seed.replace(" ", ""), seed.toLowerCase()));
    String digits = seed.replaceAll("[^0-9]", "");
    if (digits.length() >= 9) {
      forms.add(digits);
    }
    return forms;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Every field of the exchanges as text, bodies both as UTF-8 and byte for byte, targets also decoded. */
  private static String dump(List<Exchange> exchanges) {
    StringBuilder out = new StringBuilder();
    for (Exchange e : exchanges) {
      out.append(e.id()).append('\n').append(e.connectionId()).append('\n').append(e.request().target()).append('\n')
          .append(URLDecoder.decode(e.request().target().replace("+", "%2B"), StandardCharsets.UTF_8)).append('\n');
      message(out, e.request().headers(), e.request().body());
      if (e.response() != null) {
        message(out, e.response().headers(), e.response().body());
      }
    }
    return out.toString();
  }

  private static void message(StringBuilder out, Headers headers, Body body) {
    for (Header h : headers.entries()) {
      out.append(h.name()).append(": ").append(h.value()).append('\n')
          .append(URLDecoder.decode(h.value().replace("+", "%2B"), StandardCharsets.UTF_8)).append('\n');
    }
    String latin1 = new String(body.toByteArray(), StandardCharsets.ISO_8859_1);
    out.append(body.toUtf8()).append('\n').append(latin1).append('\n');
    out.append(URLDecoder.decode(latin1.replace("%", "%25").replace("%25", "%"), StandardCharsets.ISO_8859_1))
        .append('\n');
  }

  private static List<Exchange> readAll(Path file) throws IOException {
    List<Exchange> out = new ArrayList<>();
    try (CaptureReader reader = CaptureReader.open(file)) {
      for (Exchange e; (e = reader.next()) != null; ) {
        out.add(e);
      }
    }
    return out;
  }
}
