package dev.replaytwin.compare.diff.internal;

import static java.util.Objects.requireNonNull;

import static dev.replaytwin.compare.diff.internal.JsonTokens.END_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.END_OBJECT;
import static dev.replaytwin.compare.diff.internal.JsonTokens.NAME;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_ARRAY;
import static dev.replaytwin.compare.diff.internal.JsonTokens.START_OBJECT;

import dev.replaytwin.compare.diff.DiffKind;
import dev.replaytwin.compare.diff.Difference;
import dev.replaytwin.core.Nullable;
import java.util.Arrays;
import java.util.List;

/**
 * {@link TreeWalk} on the tokens {@link JsonTokens} reads from bytes, for documents of about the
 * same shape: their scalars compared and their differences reported exactly as {@link TreeWalk}
 * would. Objects whose members come in the same order are walked side by side, as {@link
 * LockstepWalk} walks them; others member by member by name, reporting a scalar member only one
 * side has as {@link DiffKind#MISSING} or {@link DiffKind#EXTRA}, as the tree walk does. It gives up
 * ({@link #compare} returns false) on containers of different types, arrays of different lengths,
 * any difference inside an array (it may be an {@link DiffKind#ARRAY_ORDER}), a container member
 * only one side has (its value would be shown whole) and a container at the depth limit. Single use.
 */
public final class TokenWalk {
  private final WalkLimits limits;
  private final FoundDifferences found;
  private @Nullable JsonTokens left;
  private @Nullable JsonTokens right;
  /** The left name token of the current member of each open container (-1 in arrays). */
  private int[] members = new int[8];
  private int depth;
  private int arrays;
  /** The tokens after the value last compared, in each document. */
  private int nextLeft;
  private int nextRight;

  public TokenWalk(WalkLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.found = new FoundDifferences(limits.maxDifferences());
  }

  public List<Difference> differences() {
    return found.list();
  }

  public boolean differencesCapped() {
    return found.capped();
  }

  /**
   * Walks the two documents; false when it gave up and a parser must decide, in which case
   * {@link #differences()} means nothing. {@code left} must have been read with its member names
   * checked ({@link JsonTokens#of}); {@code right} may not have been.
   */
  public boolean compare(JsonTokens left, JsonTokens right) {
    if (!left.namesChecked) {
      throw new IllegalArgumentException("left: read without checking its member names (expected: JsonTokens.of)");
    }
    this.left = left;
    this.right = right;
    if (!value(0, 0)) {
      return false;
    }
    if (found.capped()) {
      // The tree walk stops here too; both documents were read whole and well formed, and their
      // member names must not repeat past this point either.
      return namesChecked();
    }
    return true;
  }

  /** Checks the right document's member names if that was left undone; false when one repeats. */
  private boolean namesChecked() {
    if (!right.namesChecked) {
      JsonTokens checked = JsonTokens.of(right.bytes);
      if (checked == null) {
        return false;
      }
      right = checked;
    }
    return true;
  }

  /**
   * Compares the values starting at tokens {@code i} and {@code j}, in one loop over both documents'
   * tokens side by side; false to give up. Leaves {@link #nextLeft} and {@link #nextRight} after them,
   * and stops early once capped.
   */
  private boolean value(int i, int j) {
    int base = depth;
    do {
      int a = left.kind(i);
      int b = right.kind(j);
      if (a == NAME || b == NAME || a == END_OBJECT || b == END_OBJECT) {
        // Both documents are well formed and alike so far, so both are between members.
        if (a == END_OBJECT && b == END_OBJECT) {
          depth--;
        } else if (a == NAME && b == NAME && left.sameText(i, right, j)) {
          members[depth - 1] = i;
        } else {
          if (!membersByName(i, j)) {
            return false;
          }
          if (found.capped()) {
            return true;
          }
          depth--;
          i = nextLeft;
          j = nextRight;
          continue;
        }
      } else if (a == END_ARRAY || b == END_ARRAY) {
        if (a != b) {
          return false;
        }
        depth--;
        arrays--;
      } else if (a == START_OBJECT || a == START_ARRAY || b == START_OBJECT || b == START_ARRAY) {
        if (a != b || depth >= limits.maxDepth()) {
          return false;
        }
        if (depth == members.length) {
          members = Arrays.copyOf(members, depth * 2);
        }
        members[depth++] = -1;
        if (a == START_ARRAY) {
          arrays++;
        }
      } else {
        int same = TokenScalars.same(left, i, right, j);
        if (same < 0) {
          return false;
        }
        if (same == 0) {
          if (arrays > 0) {
            return false; // inside an array a difference may be an ARRAY_ORDER
          }
          report(i, j, TokenScalars.type(a) == TokenScalars.type(b) ? DiffKind.CHANGED_VALUE : DiffKind.CHANGED_TYPE);
          if (found.capped()) {
            return true;
          }
        }
      }
      i++;
      j++;
    } while (depth > base);
    nextLeft = i;
    nextRight = j;
    return true;
  }

  /**
   * The rest of an object from left member {@code i} and right member {@code j} on, as {@link
   * TreeWalk#compare} compares objects: the left's members in order, each against the right's of
   * that name or as missing, then the right's members the left does not have, as extra. The members
   * before were alike, one for one, so none of the rest matches one of them.
   */
  private boolean membersByName(int i, int j) {
    if (!namesChecked()) {
      return false; // a name looked up must be the only one of its kind
    }
    int[] rightMembers = new int[8];
    int count = 0;
    for (int t = j; right.kind(t) != END_OBJECT; t = skip(right, t + 1)) {
      if (count == rightMembers.length) {
        rightMembers = Arrays.copyOf(rightMembers, count * 2);
      }
      rightMembers[count++] = t;
    }
    int rightEnd = count == 0 ? j : skip(right, rightMembers[count - 1] + 1);
    boolean[] matched = new boolean[count];
    int shared = 0;
    for (int t = i; left.kind(t) != END_OBJECT; ) {
      int u = -1;
      for (int k = 0; k < count && u < 0; k++) {
        if (!matched[k] && left.sameText(t, right, rightMembers[k])) {
          matched[k] = true;
          u = rightMembers[k];
        }
      }
      members[depth - 1] = t;
      int after = skip(left, t + 1);
      if (u < 0) {
        if (!onlyOneSide(left, t, DiffKind.MISSING)) {
          return false;
        }
      } else {
        shared++;
        if (!value(t + 1, u + 1)) {
          return false;
        }
      }
      if (found.capped()) {
        return true;
      }
      t = after;
    }
    int leftEnd = i;
    while (left.kind(leftEnd) != END_OBJECT) {
      leftEnd = skip(left, leftEnd + 1);
    }
    if (shared < count) {
      for (int k = 0; k < count; k++) {
        if (!matched[k]) {
          members[depth - 1] = -1;
          if (!onlyOneSide(right, rightMembers[k], DiffKind.EXTRA)) {
            return false;
          }
          if (found.capped()) {
            return true;
          }
        }
      }
    }
    nextLeft = leftEnd + 1;
    nextRight = rightEnd + 1;
    return true;
  }

  /** Reports member {@code name} of {@code tokens}, which only that side has; false to give up. */
  private boolean onlyOneSide(JsonTokens tokens, int name, DiffKind kind) {
    int v = name + 1;
    int k = tokens.kind(v);
    if (arrays > 0 || k == START_OBJECT || k == START_ARRAY) {
      // In an array the tree walk may see the whole object moved; a container would be shown whole.
      return false;
    }
    if (!found.room()) {
      return true;
    }
    String at = path(kind == DiffKind.EXTRA ? tokens : null, name);
    String shown = TokenScalars.render(tokens, v, limits.maxValueChars());
    found.add(new Difference(at, at, kind, kind == DiffKind.MISSING ? shown : null,
        kind == DiffKind.EXTRA ? shown : null));
    return true;
  }

  /** The token after the value starting at {@code t}. */
  private static int skip(JsonTokens tokens, int t) {
    int k = tokens.kind(t);
    if (k != START_OBJECT && k != START_ARRAY) {
      return t + 1;
    }
    int open = 0;
    do {
      k = tokens.kind(t++);
      if (k == START_OBJECT || k == START_ARRAY) {
        open++;
      } else if (k == END_OBJECT || k == END_ARRAY) {
        open--;
      }
    } while (open > 0);
    return t;
  }

  /** Records a difference at tokens {@code i} and {@code j}, as {@link TreeWalk} does, or marks the walk capped. */
  private void report(int i, int j, DiffKind kind) {
    if (!found.room()) {
      return;
    }
    String at = path(null, members[depth - 1]);
    found.add(new Difference(at, at, kind, TokenScalars.render(left, i, limits.maxValueChars()),
        TokenScalars.render(right, j, limits.maxValueChars())));
  }

  /**
   * The path to the current member: the left's names of the open objects (every container on the
   * path is one), the last one {@code name} of {@code extra} when it is a member only the right has.
   */
  private String path(@Nullable JsonTokens extra, int name) {
    // A left member's ancestors never change, so its path is kept on the left's tokens.
    String at = extra == null ? left.path(name) : null;
    JsonTokens named = extra == null ? left : extra;
    if (at == null && depth == 1 && !named.escaped(name)) {
      at = TopMemberPaths.get().path(named, name);
    } else if (at == null) {
      StringBuilder path = new StringBuilder(8 + depth * 8).append('$');
      for (int d = 0; d < depth - 1; d++) {
        PathText.appendMember(path, left.text(members[d]));
      }
      PathText.appendMember(path, named.text(name));
      at = path.toString();
      if (extra == null) {
        left.keepPath(name, at);
      }
    }
    return at;
  }

}
