package dev.replaytwin.bench.internal;

import dev.replaytwin.bench.internal.Catalog.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every visitor's cart, kept between requests: a cart is shown the same until a line is added or
 * changed, and checkout empties it. A cart first seen already holds one to seven lines.
 */
public final class Carts {
  private static final String[] SIZES = {"XS", "S", "M", "L", "XL", "one-size", "38", "40", "42", "44"};
  private static final int MAX_LINES = 7;

  private final Catalog catalog;
  private final SplittableRandom r;
  private final Map<String, List<Line>> carts = new HashMap<>();

  /** A line of a cart or an order. */
  public record Line(String lineId, Product product, String size, int quantity, Instant addedAt) {}

  public Carts(Catalog catalog, SplittableRandom random) {
    this.catalog = catalog;
    this.r = random;
  }

  /** The lines of cart {@code cartId} at {@code now}. */
  public List<Line> of(String cartId, Instant now) {
    return List.copyOf(lines(cartId, now));
  }

  /** Adds a product; the oldest line goes when the cart is full. */
  public List<Line> add(String cartId, Product p, int quantity, Instant now) {
    List<Line> lines = lines(cartId, now);
    if (lines.size() == MAX_LINES) {
      lines.remove(0);
    }
    lines.add(line(p, quantity, now));
    return List.copyOf(lines);
  }

  /** A line of the cart that is about to change quantity. */
  public Line anyLine(String cartId, Instant now) {
    List<Line> lines = lines(cartId, now);
    return lines.get(r.nextInt(lines.size()));
  }

  public List<Line> changeQuantity(String cartId, Line line, int quantity) {
    List<Line> lines = carts.get(cartId);
    int i = lines.indexOf(line);
    lines.set(i, new Line(line.lineId(), line.product(), line.size(), quantity, line.addedAt()));
    return List.copyOf(lines);
  }

  /** Empties the cart after a checkout; the visitor's next look at it starts a new one. */
  public void empty(String cartId) {
    carts.remove(cartId);
  }

  /** Lines of some earlier order, not kept. */
  public List<Line> pastOrder(Instant now) {
    return List.copyOf(fresh(now.minusSeconds(86_400L * (1 + r.nextInt(60)))));
  }

  private List<Line> lines(String cartId, Instant now) {
    return carts.computeIfAbsent(cartId, id -> fresh(now));
  }

  private List<Line> fresh(Instant now) {
    int n = 1 + (int) (7 * Math.pow(r.nextDouble(), 1.6));
    List<Line> lines = new ArrayList<>(MAX_LINES);
    for (int i = 0; i < n; i++) {
      lines.add(line(catalog.popular(r), 1 + (r.nextInt(5) == 0 ? r.nextInt(4) : 0),
          now.minusSeconds(r.nextInt(7 * 86_400))));
    }
    return lines;
  }

  private Line line(Product p, int quantity, Instant addedAt) {
    return new Line(Ids.uuid(r), p, SIZES[r.nextInt(SIZES.length)], quantity, Instant.ofEpochMilli(addedAt.toEpochMilli()));
  }
}
