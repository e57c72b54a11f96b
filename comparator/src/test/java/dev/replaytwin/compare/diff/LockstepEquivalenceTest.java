package dev.replaytwin.compare.diff;

import static dev.replaytwin.compare.diff.Outcomes.answered;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.replaytwin.compare.diff.internal.JsonTokens;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.run.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lockstep walk over tokens must give exactly the tree diff's answer, or give up. Seeded, so a
 * failure names the seed of the pair that broke.
 */
class LockstepEquivalenceTest {
  private static final ObjectMapper TREES = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final List<DiffLimits> LIMITS = List.of(DiffLimits.DEFAULT, new DiffLimits(1, 64, 16),
      new DiffLimits(2, 2, 20), new DiffLimits(3, 3, 16), new DiffLimits(5, 64, 40));
  private static final int PAIRS = 6_000;

  @Test
  void lockstepJsonDiffEqualsTreeDiffOrGivesUp() {
    Random seeds = new Random(20261122L);
    int walked = 0;
    int walkedWithDifferences = 0;
    int walkedCapped = 0;
    int gaveUp = 0;
    for (int i = 0; i < PAIRS; i++) {
      long seed = seeds.nextLong();
      byte[][] pair = new RandomJson(new Random(seed)).pair();
      JsonNode left = parse(pair[0]);
      JsonNode right = parse(pair[1]);
      for (DiffLimits limits : LIMITS) {
        JsonDiffer differ = new JsonDiffer(limits);
        JsonDiff fast = differ.diffLockstep(pair[0], pair[1], limits.maxDifferences());
        String what = "seed " + seed + ", " + limits + "\nleft:  " + new String(pair[0], UTF_8) + "\nright: "
            + new String(pair[1], UTF_8);
        if (left == null || right == null) {
          assertThat(fast).as("not both JSON, " + what).isNull();
          continue;
        }
        if (fast == null) {
          gaveUp++;
          continue;
        }
        JsonDiff tree = differ.diff(left, right);
        assertThat(fast.differences()).as(what).isEqualTo(tree.differences());
        assertThat(fast.differencesCapped()).as("differencesCapped, " + what).isEqualTo(tree.differencesCapped());
        assertThat(fast.depthCapped()).as("depthCapped, " + what).isEqualTo(tree.depthCapped());
        walked++;
        walkedWithDifferences += fast.isEmpty() ? 0 : 1;
        walkedCapped += fast.differencesCapped() ? 1 : 0;
      }
    }
    // Enough of each case that the comparison above means something.
    assertThat(walked).isGreaterThan(PAIRS * LIMITS.size() / 4);
    assertThat(walkedWithDifferences).isGreaterThan(PAIRS * LIMITS.size() / 8);
    assertThat(walkedCapped).isGreaterThan(PAIRS / 40);
    assertThat(gaveUp).isGreaterThan(PAIRS / 10);
  }

  @Test
  void tokenWalkOnBytesEqualsTreeDiffOrGivesUp() {
    Random seeds = new Random(20261123L);
    int walked = 0;
    int walkedWithDifferences = 0;
    int walkedCapped = 0;
    int gaveUp = 0;
    for (int i = 0; i < PAIRS; i++) {
      long seed = seeds.nextLong();
      byte[][] pair = new RandomJson(new Random(seed)).pair();
      JsonNode left = parse(pair[0]);
      JsonNode right = parse(pair[1]);
      JsonTokens lt = JsonTokens.of(pair[0]);
      JsonTokens rt = JsonTokens.of(pair[1]);
      String what = "seed " + seed + "\nleft:  " + new String(pair[0], UTF_8) + "\nright: "
          + new String(pair[1], UTF_8);
      if (left == null) {
        assertThat(lt).as("left not JSON, " + what).isNull();
      }
      if (right == null) {
        assertThat(rt).as("right not JSON, " + what).isNull();
      }
      for (DiffLimits limits : LIMITS) {
        JsonDiffer differ = new JsonDiffer(limits);
        // As ResponseDiffer does: the right document's member names are checked only as far as the walk needs.
        JsonTokens unchecked = JsonTokens.ofUnchecked(pair[1]);
        JsonDiff fast = lt == null || unchecked == null ? null
            : differ.diffTokens(lt, unchecked, limits.maxDifferences());
        if (fast == null) {
          // The parser's walk takes documents with a scalar at the root too, and nothing else.
          assertThat(left != null && left.isContainerNode()
              && differ.diffLockstep(pair[0], pair[1], limits.maxDifferences()) != null)
              .as("the lockstep walk answered, " + limits + ", " + what).isFalse();
          gaveUp++;
          continue;
        }
        JsonDiff tree = differ.diff(left, right);
        assertThat(fast.differences()).as(limits + ", " + what).isEqualTo(tree.differences());
        assertThat(fast.differencesCapped()).as("differencesCapped, " + limits + ", " + what)
            .isEqualTo(tree.differencesCapped());
        assertThat(fast.depthCapped()).as("depthCapped, " + limits + ", " + what).isEqualTo(tree.depthCapped());
        walked++;
        walkedWithDifferences += fast.isEmpty() ? 0 : 1;
        walkedCapped += fast.differencesCapped() ? 1 : 0;
      }
    }
    assertThat(walked).isGreaterThan(PAIRS * LIMITS.size() / 4);
    assertThat(walkedWithDifferences).isGreaterThan(PAIRS * LIMITS.size() / 12);
    assertThat(walkedCapped).isGreaterThan(PAIRS / 40);
    assertThat(gaveUp).isGreaterThan(PAIRS / 10);
  }

  @Test
  void tokensRefuseWhatJacksonReadsLenientlyOrNotAtAll() {
    for (String notRead : List.of("{'a':01}", "{'a':1.}", "{'a':.5}", "{'a':+1}", "{'a':-}", "{'a':1e}", "{'a':NaN}",
        "{'a':tru}", "{'a':truex}", "{'a':1}x", "{'a':1}{}", "{'a':'\\x'}", "{'a':'\\u12'}", "{'a',1}", "{'a':1,}",
        "[1,]", "{'\\u0061':1,'a':2}", "{'a':1,'a':2}", "'a'", "1", " ", "", "{'a':[1,2}", "{'a':\u0001'x'}")) {
      assertThat(JsonTokens.of(bytes(notRead))).as(notRead).isNull();
    }
    byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0x80, '"', ']'};
    byte[] surrogate = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'};
    assertThat(JsonTokens.of(overlong)).isNull();
    assertThat(JsonTokens.of(surrogate)).isNull();
    assertThat(JsonTokens.of(bom)).isNull();
    assertThat(JsonTokens.of(bytes(" {'a' : [1, -0.5e+3, true, null, 'é\\n'] , 'b':{}}\n"))).isNotNull();
  }

  @Test
  void membersInAnotherOrderOrOnOneSideOnlyAreComparedByNameAsTreesAre() throws IOException {
    JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
    String[][] pairs = {
        {"{'a':1,'b':2}", "{'b':2,'a':1}"},
        {"{'id':1,'price':9.97,'x':1,'t':'a'}", "{'id':1,'amount':9.97,'x':2,'t':'b'}"},
        {"{'o':{'a':1,'b':[1,2]},'z':null}", "{'o':{'b':[1,2],'c':true},'z':0}"},
        {"{'a':1}", "{}"},
        {"{}", "{'a':'\\u00e9'}"},
        {"[{'a':1,'b':2},{'c':3}]", "[{'b':2,'a':1},{'c':3}]"}};
    for (String[] pair : pairs) {
      byte[] left = bytes(pair[0]);
      byte[] right = bytes(pair[1]);
      JsonDiff fast = differ.diffTokens(JsonTokens.of(left), JsonTokens.ofUnchecked(right), 100);
      assertThat(fast).as(pair[0] + " " + pair[1]).isNotNull();
      assertThat(fast.differences()).as(pair[0] + " " + pair[1])
          .isEqualTo(differ.diff(TREES.readTree(left), TREES.readTree(right)).differences());
    }
    assertThat(differ.diffTokens(JsonTokens.of(bytes("{'id':1,'price':9.97}")),
        JsonTokens.ofUnchecked(bytes("{'id':1,'amount':9.97}")), 100).differences())
        .extracting(Difference::kind).containsExactly(DiffKind.MISSING, DiffKind.EXTRA);
    // A container only one side has would be shown whole; an array's elements may have moved.
    assertThat(differ.diffTokens(JsonTokens.of(bytes("{'a':{'b':1}}")), JsonTokens.ofUnchecked(bytes("{}")), 100))
        .isNull();
    assertThat(differ.diffTokens(JsonTokens.of(bytes("[{'a':1}]")), JsonTokens.ofUnchecked(bytes("[{'b':1}]")), 100))
        .isNull();
    // A name looked up must be the only one of its kind on the right too.
    assertThat(differ.diffTokens(JsonTokens.of(bytes("{'a':1,'c':2}")),
        JsonTokens.ofUnchecked(bytes("{'a':1,'b':2,'a':3}")), 100)).isNull();
  }

  @Test
  void aRightDocumentReadUncheckedIsCheckedWhereTheWalkStopsEarly() {
    JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
    JsonTokens left = JsonTokens.of(bytes("{'a':1,'b':2,'c':3}"));
    // Capped at the first difference: the tree keeps the last 'a', 5, so only the trees can tell.
    assertThat(differ.diffTokens(left, JsonTokens.ofUnchecked(bytes("{'a':2,'b':3,'c':4,'a':5}")), 1)).isNull();
    // Walked to the end, the names matched the left document's one for one, so none repeats.
    assertThat(differ.diffTokens(left, JsonTokens.ofUnchecked(bytes("{'a':2,'b':2,'c':3}")), 1))
        .extracting(JsonDiff::differences).asList().hasSize(1);
    assertThat(differ.diffTokens(left, JsonTokens.ofUnchecked(bytes("{'a':2,'b':3,'c':4}")), 1))
        .extracting(JsonDiff::differencesCapped).isEqualTo(true);
  }

  @Test
  void responseDiffsWithTheLockstepWalkEqualThoseWithTreesOnly() {
    Random seeds = new Random(42L);
    List<String> names = List.of("content-type", "cache-control");
    String[] types = {"application/json", "application/problem+json; charset=utf-8", "", "text/plain",
        "APPLICATION/JSON", " application/json ;q=1"};
    for (int i = 0; i < PAIRS / 2; i++) {
      long seed = seeds.nextLong();
      Random random = new Random(seed);
      RandomJson docs = new RandomJson(random);
      byte[][] pair = docs.pair();
      byte[][] other = docs.pair();
      String type = types[random.nextInt(types.length)];
      Headers headers = Headers.of("Content-Type", type, "Cache-Control", "max-age=60");
      Outcome left = answered("ex", "GET /a", 200, type, headers, pair[0]);
      Outcome right = answered("ex", "GET /a", random.nextInt(8) == 0 ? 500 : 200,
          random.nextInt(8) == 0 ? types[random.nextInt(types.length)] : type,
          random.nextInt(8) == 0 ? Headers.of("content-type", type) : headers, pair[1]);
      Outcome noise = answered("ex", "GET /a", 200, type, headers, random.nextBoolean() ? other[1] : pair[0]);
      for (DiffLimits limits : LIMITS) {
        ResponseDiffer fast = new ResponseDiffer(names, limits, true);
        ResponseDiffer trees = new ResponseDiffer(names, limits, false);
        String what = "seed " + seed + ", " + limits;
        assertThat(fast.diff(left, right)).as(what).isEqualTo(trees.diff(left, right));
        assertThat(fast.diff(left, List.of(right, noise))).as(what).isEqualTo(trees.diff(left, List.of(right, noise)));
      }
    }
  }

  @Test
  void sameShapeDocumentsAreWalkedWithoutTrees() {
    JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
    byte[] left = ("{\"id\":12,\"name\":\"item-012\",\"price\":9.97,\"tags\":[\"a\",\"b\"],\"stock\":3,"
        + "\"updatedAt\":\"2026-11-22T04:48:10.900Z\",\"requestId\":\"ca17148b0b724c71\"}").getBytes(UTF_8);
    byte[] right = ("{\"id\":12,\"name\":\"item-012\",\"price\":9.970,\"tags\":[\"a\",\"b\"],\"stock\":3,"
        + "\"updatedAt\":\"2026-11-22T04:48:11.000Z\",\"requestId\":\"0b724c71ca17148b\"}").getBytes(UTF_8);
    assertThat(differ.diffLockstep(left, right, 100)).isNotNull().extracting(JsonDiff::differences).asList()
        .containsExactly(
            new Difference("$.updatedAt", "$.updatedAt", DiffKind.CHANGED_VALUE, "\"2026-11-22T04:48:10.900Z\"",
                "\"2026-11-22T04:48:11.000Z\""),
            new Difference("$.requestId", "$.requestId", DiffKind.CHANGED_VALUE, "\"ca17148b0b724c71\"",
                "\"0b724c71ca17148b\""));
  }

  @Test
  void givesUpWhereOnlyTreesCanTell() {
    JsonDiffer differ = new JsonDiffer(DiffLimits.DEFAULT);
    assertThat(differ.diffLockstep(bytes("{'a':1,'b':2}"), bytes("{'b':2,'a':1}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':[1,2]}"), bytes("{'a':[2,1]}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':[1,2]}"), bytes("{'a':[1,2,3]}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':1,'a':2}"), bytes("{'a':3,'a':2}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':{}}"), bytes("{'a':[]}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':1}"), bytes("{'a':1} x"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':1}"), bytes("{'a':1}{}"), 100)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':1,'b':1,'c':1}"), bytes("{'a':2,'b':2,'c':"), 1)).isNull();
    assertThat(differ.diffLockstep(bytes("{'a':1,'b':1,'a':1}"), bytes("{'a':2,'b':2,'a':1}"), 1)).isNull();
  }

  private static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(UTF_8);
  }

  /** The tree {@code BodyView} would build, or null when it would not call the body JSON. */
  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode tree = TREES.readTree(bytes);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException notJson) {
      return null;
    }
  }
}
