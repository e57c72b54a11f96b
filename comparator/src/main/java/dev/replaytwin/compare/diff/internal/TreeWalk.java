package dev.replaytwin.compare.diff.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replaytwin.compare.diff.DiffKind;
import dev.replaytwin.compare.diff.Difference;
import dev.replaytwin.core.Nullable;
import java.util.List;
import java.util.Map;

/** One walk over two JSON trees, collecting differences until a limit is reached. Single use. */
public final class TreeWalk {
  private final WalkLimits limits;
  private final PathStack path = new PathStack();
  private final FoundDifferences found;
  private boolean depthCapped;

  public TreeWalk(WalkLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.found = new FoundDifferences(limits.maxDifferences());
  }

  public List<Difference> differences() {
    return found.list();
  }

  public boolean differencesCapped() {
    return found.capped();
  }

  public boolean depthCapped() {
    return depthCapped;
  }

  public void compare(JsonNode left, JsonNode right) {
    if (found.capped()) {
      return;
    }
    if (left.getNodeType() != right.getNodeType()) {
      report(DiffKind.CHANGED_TYPE, left, right);
      return;
    }
    if (left.isContainerNode() && path.depth() >= limits.maxDepth()) {
      if (!JsonValues.equal(left, right)) {
        depthCapped = true;
        report(DiffKind.CHANGED_VALUE, left, right);
      }
      return;
    }
    if (left.isObject()) {
      compareObjects(left, right);
    } else if (left.isArray()) {
      compareArrays(left, right);
    } else if (!JsonValues.equal(left, right)) {
      report(DiffKind.CHANGED_VALUE, left, right);
    }
  }

  private void compareObjects(JsonNode left, JsonNode right) {
    int shared = 0;
    for (Map.Entry<String, JsonNode> member : left.properties()) {
      JsonNode other = right.get(member.getKey());
      path.pushMember(member.getKey());
      if (other == null) {
        report(DiffKind.MISSING, member.getValue(), null);
      } else {
        shared++;
        compare(member.getValue(), other);
      }
      path.pop();
      if (found.capped()) {
        return;
      }
    }
    if (shared == right.size()) {
      return;
    }
    for (Map.Entry<String, JsonNode> member : right.properties()) {
      if (!left.has(member.getKey())) {
        path.pushMember(member.getKey());
        report(DiffKind.EXTRA, null, member.getValue());
        path.pop();
        if (found.capped()) {
          return;
        }
      }
    }
  }

  private void compareArrays(JsonNode left, JsonNode right) {
    int n = left.size();
    int m = right.size();
    int common = Math.min(n, m);
    int first = 0;
    while (first < common && JsonValues.equal(left.get(first), right.get(first))) {
      first++;
    }
    if (n == m) {
      if (first == n) {
        return;
      }
      if (ArrayMatch.containsAll(left, right, first)) {
        report(DiffKind.ARRAY_ORDER, left, right);
        return;
      }
    } else {
      reportSizes(n, m);
      boolean onlyAddedOrRemoved = n > m ? ArrayMatch.containsAll(left, right, first)
          : ArrayMatch.containsAll(right, left, first);
      if (first == common || onlyAddedOrRemoved) {
        return;
      }
    }
    for (int i = first; i < common && !found.capped(); i++) {
      path.pushIndex(i);
      compare(left.get(i), right.get(i));
      path.pop();
    }
  }

  private void reportSizes(int n, int m) {
    if (found.room()) {
      String at = path.concrete();
      found.add(new Difference(path.hasIndex() ? path.generalized() : at, at, DiffKind.ARRAY_SIZE,
          Integer.toString(n), Integer.toString(m)));
    }
  }

  private void report(DiffKind kind, @Nullable JsonNode left, @Nullable JsonNode right) {
    if (found.room()) {
      String at = path.concrete();
      found.add(new Difference(path.hasIndex() ? path.generalized() : at, at, kind, show(left), show(right)));
    }
  }

  private @Nullable String show(@Nullable JsonNode value) {
    return value == null ? null : JsonValues.render(value, limits.maxValueChars());
  }
}
