package dev.replaytwin.core.scrub.internal;

import java.util.List;

/**
 * IPv6 addresses in their text forms (full, {@code ::}-compressed, with an IPv4 tail), parsed
 * strictly. Left out: the unspecified and loopback addresses, multicast {@code ff00::/8}, the
 * documentation prefix {@code 2001:db8::/32} that pseudonyms use, and compressed forms without a
 * group of three or more hex digits, so {@code a::b} and times like {@code 10:30:00} are not
 * addresses.
 */
final class Ipv6Finder implements Finder {
  @Override
  public void find(String text, TextScan scan, Detector kind, List<Match> out) {
    if (!scan.has(TextScan.COLONS_2)) {
      return;
    }
    int n = text.length();
    int i = text.indexOf(':');
    while (i >= 0) {
      if (!isAddressChar(Chars.at(text, i + 1)) || (i > 0 && !isAddressChar(text.charAt(i - 1)))) {
        i = text.indexOf(':', i + 1);
        continue;
      }
      int start = i;
      while (start > 0 && isAddressChar(text.charAt(start - 1))) {
        start--;
      }
      int end = i;
      while (end < n && isAddressChar(text.charAt(end))) {
        end++;
      }
      int next = end;
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      if (!Chars.isWord(Chars.before(text, start)) && !Chars.isWord(Chars.at(text, end))
          && mayBeAddress(text, start, end)) {
        byte[] address = parse(text, start, end);
        if (address != null && isClient(address)) {
          out.add(new Match(start, end, kind));
        }
      }
      i = next < n ? text.indexOf(':', next) : -1;
    }
  }

  /**
   * A cheap test before parsing: without {@code ::} an address has all 8 groups (7 colons, or 6
   * before an IPv4 tail), so times such as {@code 09:41:07} in every Date header are dropped here.
   */
  private static boolean mayBeAddress(String text, int start, int end) {
    int colons = 0;
    boolean dot = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        if (i + 1 < end && text.charAt(i + 1) == ':') {
          return true;
        }
        colons++;
      } else if (c == '.') {
        dot = true;
      }
    }
    return colons == 7 || (dot && colons == 6);
  }

  private static boolean isAddressChar(char c) {
    return Chars.isHex(c) || c == ':' || c == '.';
  }

  /** The 16 bytes of the address written in {@code text[start, end)}, or {@code null}. */
  static byte[] parse(String text, int start, int end) {
    int doubleColon = text.indexOf("::", start);
    if (doubleColon >= end - 1) {
      doubleColon = -1;
    }
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0 && text.indexOf("::", doubleColon + 1) < end - 1) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int longestGroup = 0;
    int tailAt = -1;
    int i = start;
    if (doubleColon == start) {
      tailAt = 0;
      i += 2;
    } else if (text.charAt(start) == ':') {
      return null;
    }
    while (i < end) {
      if (i == doubleColon) {
        tailAt = count;
        i += 2;
        continue;
      }
      int from = i;
      while (i < end && Chars.isHex(text.charAt(i))) {
        i++;
      }
      if (i < end && text.charAt(i) == '.') {
        int[] octets = new int[4];
        if (count > 6 || Ipv4Finder.parseExactly(text, from, end, octets) < 0) {
          return null;
        }
        groups[count++] = octets[0] << 8 | octets[1];
        groups[count++] = octets[2] << 8 | octets[3];
        i = end;
        break;
      }
      int length = i - from;
      if (length == 0 || length > 4 || count == 8) {
        return null;
      }
      longestGroup = Math.max(longestGroup, length);
      groups[count++] = Integer.parseInt(text, from, i, 16);
      if (i < end) {
        if (text.charAt(i) != ':') {
          return null;
        }
        if (i != doubleColon) {
          i++;
          if (i == end) {
            return null;
          }
        }
      }
    }
    if (doubleColon < 0 ? count != 8 : count > 7 || longestGroup < 3) {
      return null;
    }
    return toBytes(groups, count, tailAt);
  }

  private static byte[] toBytes(int[] groups, int count, int gapAt) {
    byte[] bytes = new byte[16];
    int gap = 8 - count;
    for (int g = 0; g < count; g++) {
      int slot = gapAt >= 0 && g >= gapAt ? g + gap : g;
      bytes[2 * slot] = (byte) (groups[g] >>> 8);
      bytes[2 * slot + 1] = (byte) groups[g];
    }
    return bytes;
  }

  private static boolean isClient(byte[] a) {
    boolean allZero = true;
    for (int k = 0; k < 15; k++) {
      allZero &= a[k] == 0;
    }
    if (allZero) {
      return false;
    }
    boolean documentation = a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8;
    return !documentation && (a[0] & 0xff) != 0xff;
  }
}
