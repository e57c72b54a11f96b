package dev.replaytwin.compare.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random JSON document pairs for equivalence tests: a document, and a copy changed by a few random
 * mutations, both written with random spacing. Numbers, strings and member names come in groups
 * of spellings of one value ({@code 1}, {@code 1.0}, {@code 1e0}; {@code "a"}, {@code "\u0061"}),
 * so equal values written differently are common.
 */
final class RandomJson {
  private static final String[][] NUMBERS = {
      {"0", "-0", "0.0", "-0.0", "0e5", "0E-3"},
      {"1", "1.0", "1e0", "10e-1", "1.00", "0.1e1"},
      {"2.5", "2.50", "25e-1", "0.25E1"},
      {"100", "1e2", "100.0", "1E+2"},
      {"-7", "-7.0", "-70e-1"},
      {"12", "12.000"},
      {"2147483648", "2147483648.0"},
      {"9223372036854775807"},
      {"9223372036854775808", "9223372036854775808.0"},
      {"12345678901234567890", "12345678901234567890.0", "1.2345678901234567890e19"},
      {"1e400", "2e400", "1" + "0".repeat(400)},
      {"-1e400"},
      {"1e-400", "4.9e-325"},
      {"0.1", "1e-1"},
      {"0.30000000000000004"},
      {"0.3"},
      {"3.141592653589793", "3.1415926535897932384626"},
      {"1.7976931348623157e308"},
      {"123456789.123456789"},
  };
  private static final String[][] STRINGS = {
      {"a", "\\u0061"}, {"b"}, {""}, {"x\\\"y"}, {"line\\nbreak", "line\\u000abreak"}, {"é", "\\u00e9"},
      {"\\ud83d\\ude00", "😀"}, {"2026-11-22T04:48:10.900Z"}, {"2026-11-22T04:48:11.000Z"},
      {"ca17148b0b724c71"}, {"x".repeat(300)}, {"x".repeat(299) + "y"}, {"tab\\there"}, {"slash\\/", "slash/"},
      {"1"}, {"true"}, {"null"}, {"back\\\\slash"},
  };
  private static final String[][] KEYS = {
      {"id"}, {"name"}, {"price"}, {"tags"}, {"a", "\\u0061"}, {"a.b"}, {"x y"}, {"it's"}, {""}, {"*"},
      {"1st"}, {"_ok9"}, {"ü", "\\u00fc"}, {"q\\\\r"}, {"\\n"}, {"$"}, {"updatedAt"}, {"requestId"},
      {"items"}, {"[0]"},
  };
  private static final String[] GARBAGE = {" x", " {}", "]", ",", "  ", "\n", "}", " 1", "\"", "nul"};

  /** A scalar token as written, and its group of equal spellings (-1: true, false, null). */
  record Scalar(String text, String[] group, boolean string) {}

  record Member(String key, String[] keyGroup, Object value) {}

  private final Random random;

  RandomJson(Random random) {
    this.random = random;
  }

  /** A pair of documents as bytes; either may be malformed after a text mutation. */
  byte[][] pair() {
    Object left = value(0, 1 + random.nextInt(5));
    if (random.nextInt(40) == 0) {
      left = scalar();
    }
    Object right = copy(left);
    boolean structural = random.nextInt(3) == 0;
    int mutations = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(structural ? 3 : 6);
    for (int i = 0; i < mutations; i++) {
      right = structural ? mutate(right) : changeScalar(right);
    }
    if (random.nextInt(25) == 0) {
      left = duplicateKey(left);
    }
    byte[] l = text(left);
    byte[] r = text(right);
    if (random.nextInt(30) == 0) {
      r = damage(r);
    } else if (random.nextInt(60) == 0) {
      l = damage(l);
    }
    return new byte[][] {l, r};
  }

  private Object value(int depth, int maxDepth) {
    int roll = random.nextInt(10);
    if (depth >= maxDepth || roll < 4) {
      return scalar();
    }
    if (roll < 8) {
      List<Member> members = new ArrayList<>();
      List<Integer> keys = new ArrayList<>();
      for (int k = 0; k < KEYS.length; k++) {
        keys.add(k);
      }
      Collections.shuffle(keys, random);
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        members.add(member(KEYS[keys.get(i)], value(depth + 1, maxDepth)));
      }
      return members;
    }
    List<Object> elements = new ArrayList<>();
    int n = random.nextInt(5);
    Object shape = random.nextBoolean() ? value(depth + 1, maxDepth) : null;
    for (int i = 0; i < n; i++) {
      // Arrays of one element shape, as in real responses, or of anything.
      elements.add(shape != null ? changeScalar(copy(shape)) : value(depth + 1, maxDepth));
    }
    return new Elements(elements);
  }

  /** An array; a distinct type so that lists of members are objects. */
  record Elements(List<Object> list) {}

  private Member member(String[] keyGroup, Object value) {
    return new Member(pick(keyGroup), keyGroup, value);
  }

  private Scalar scalar() {
    int roll = random.nextInt(10);
    if (roll < 4) {
      String[] g = NUMBERS[random.nextInt(NUMBERS.length)];
      return new Scalar(pick(g), g, false);
    }
    if (roll < 8) {
      String[] g = STRINGS[random.nextInt(STRINGS.length)];
      return new Scalar(pick(g), g, true);
    }
    String[] g = {new String[] {"true", "false", "null"}[roll - 8 + random.nextInt(2)]};
    return new Scalar(g[0], g, false);
  }

  private String pick(String[] group) {
    return group[random.nextInt(group.length)];
  }

  /** Changes one scalar: another value, or the same value spelled differently. */
  private Object changeScalar(Object doc) {
    List<Object[]> slots = new ArrayList<>();
    collectSlots(doc, slots);
    if (slots.isEmpty()) {
      return doc instanceof Scalar s ? respellOrReplace(s) : doc;
    }
    Object[] slot = slots.get(random.nextInt(slots.size()));
    Object old = get(slot);
    if (old instanceof Scalar s) {
      set(slot, respellOrReplace(s));
    }
    return doc;
  }

  private Scalar respellOrReplace(Scalar s) {
    return random.nextBoolean() ? new Scalar(pick(s.group()), s.group(), s.string()) : scalar();
  }

  @SuppressWarnings("unchecked")
  private Object mutate(Object doc) {
    List<Object[]> slots = new ArrayList<>();
    collectSlots(doc, slots);
    if (slots.isEmpty() || random.nextInt(30) == 0) {
      return value(0, 3);
    }
    Object[] slot = slots.get(random.nextInt(slots.size()));
    Object container = slot[0];
    switch (random.nextInt(9)) {
      case 0 -> set(slot, scalar());
      case 1 -> set(slot, value(0, 2));
      case 2 -> {
        if (container instanceof List<?> list) {
          Member m = (Member) list.get((Integer) slot[1]);
          String[] g = KEYS[random.nextInt(KEYS.length)];
          ((List<Member>) list).set((Integer) slot[1], new Member(pick(g), g, m.value()));
        }
      }
      case 3 -> {
        if (container instanceof List<?> list) {
          String[] g = KEYS[random.nextInt(KEYS.length)];
          ((List<Member>) list).add(random.nextInt(list.size() + 1), member(g, value(0, 2)));
        } else {
          List<Object> list = ((Elements) container).list();
          list.add(random.nextInt(list.size() + 1), value(0, 2));
        }
      }
      case 4 -> {
        if (container instanceof List<?> list) {
          list.remove((int) (Integer) slot[1]);
        } else {
          ((Elements) container).list().remove((int) (Integer) slot[1]);
        }
      }
      case 5 -> Collections.shuffle(container instanceof List<?> list ? list : ((Elements) container).list(),
          random);
      case 6 -> {
        List<?> list = container instanceof List<?> l ? l : ((Elements) container).list();
        if (list.size() > 1) {
          Collections.swap(list, 0, list.size() - 1);
        }
      }
      default -> changeScalar(doc);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private Object duplicateKey(Object doc) {
    List<Object[]> slots = new ArrayList<>();
    collectSlots(doc, slots);
    for (Object[] slot : slots) {
      if (slot[0] instanceof List<?> list) {
        Member m = (Member) list.get((Integer) slot[1]);
        ((List<Member>) list).add(new Member(pick(m.keyGroup()), m.keyGroup(), scalar()));
        return doc;
      }
    }
    return doc;
  }

  private byte[] damage(byte[] text) {
    if (random.nextBoolean() && text.length > 1) {
      return java.util.Arrays.copyOf(text, random.nextInt(text.length));
    }
    return (new String(text, StandardCharsets.UTF_8) + pick(GARBAGE)).getBytes(StandardCharsets.UTF_8);
  }

  /** Every (container, index) holding a value, containers being member lists and Elements. */
  private static void collectSlots(Object doc, List<Object[]> out) {
    if (doc instanceof List<?> members) {
      for (int i = 0; i < members.size(); i++) {
        out.add(new Object[] {members, i});
        collectSlots(((Member) members.get(i)).value(), out);
      }
    } else if (doc instanceof Elements e) {
      for (int i = 0; i < e.list().size(); i++) {
        out.add(new Object[] {e, i});
        collectSlots(e.list().get(i), out);
      }
    }
  }

  private static Object get(Object[] slot) {
    int i = (Integer) slot[1];
    return slot[0] instanceof List<?> members ? ((Member) members.get(i)).value() : ((Elements) slot[0]).list().get(i);
  }

  @SuppressWarnings("unchecked")
  private static void set(Object[] slot, Object value) {
    int i = (Integer) slot[1];
    if (slot[0] instanceof List<?> members) {
      Member m = (Member) members.get(i);
      ((List<Member>) members).set(i, new Member(m.key(), m.keyGroup(), value));
    } else {
      ((Elements) slot[0]).list().set(i, value);
    }
  }

  private static Object copy(Object doc) {
    if (doc instanceof List<?> members) {
      List<Member> out = new ArrayList<>();
      for (Object o : members) {
        Member m = (Member) o;
        out.add(new Member(m.key(), m.keyGroup(), copy(m.value())));
      }
      return out;
    }
    if (doc instanceof Elements e) {
      List<Object> out = new ArrayList<>();
      for (Object o : e.list()) {
        out.add(copy(o));
      }
      return new Elements(out);
    }
    return doc;
  }

  private byte[] text(Object doc) {
    StringBuilder out = new StringBuilder();
    boolean spaced = random.nextInt(4) == 0;
    write(doc, out, spaced);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void write(Object doc, StringBuilder out, boolean spaced) {
    String gap = spaced ? (random.nextBoolean() ? " " : "\n  ") : "";
    if (doc instanceof Scalar s) {
      out.append(s.string() ? "\"" + s.text() + "\"" : s.text());
    } else if (doc instanceof List<?> members) {
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        Member m = (Member) members.get(i);
        out.append(i == 0 ? "" : ",").append(gap).append('"').append(m.key()).append("\":").append(gap);
        write(m.value(), out, spaced);
      }
      out.append(gap).append('}');
    } else {
      List<Object> elements = ((Elements) doc).list();
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        out.append(i == 0 ? "" : ",").append(gap);
        write(elements.get(i), out, spaced);
      }
      out.append(gap).append(']');
    }
  }
}
