package dev.replaytwin.bench.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shop's products, each derived from the catalogue seed and its index alone, so a product
 * looks the same every time it is served (reviews and related products included; only stock
 * changes). Popularity is skewed: a few products draw most views.
 */
public final class Catalog {
  private static final long EPOCH_SECOND = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();

  private final long seed;
  private final Product[] products;

  /** A product as the shop stores it. */
  public record Product(int index, String id, String sku, String slug, String name, String brand,
      String category, String color, String material, double price, double listPrice, String currency,
      double rating, int reviewCount, int weightGrams, String description, String[] tags, List<Review> reviews,
      int[] related, String etag, Instant updatedAt) {}

  /** A customer review shown on the product page. */
  public record Review(String id, String author, int stars, String title, String body, Instant createdAt,
      int helpful) {}

  public Catalog(long seed, int size) {
    this.seed = seed;
    this.products = new Product[size];
  }

  public int size() {
    return products.length;
  }

  /** A product chosen with a popularity skew (about 1% of products draw 10% of the views). */
  public Product popular(SplittableRandom r) {
    double u = r.nextDouble();
    return get((int) (products.length * u * u));
  }

  public Product get(int index) {
    Product p = products[index];
    if (p == null) {
      p = make(index);
      products[index] = p;
    }
    return p;
  }

  private Product make(int index) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
    String brand = Vocabulary.pick(Vocabulary.BRANDS, r);
    String adjective = Vocabulary.pick(Vocabulary.ADJECTIVES, r);
    String noun = Vocabulary.pick(Vocabulary.NOUNS, r);
    String color = Vocabulary.pick(Vocabulary.COLORS, r);
    String name = brand + " " + capitalize(adjective) + " " + capitalize(noun.replace('-', ' '));
    String sku = String.format(Locale.ROOT, "%s-%s-%05d", brand.substring(0, 3).toUpperCase(Locale.ROOT),
        noun.replace("-", "").substring(0, 3).toUpperCase(Locale.ROOT), index);
    String slug = (brand + "-" + adjective + "-" + noun + "-" + color).toLowerCase(Locale.ROOT);
    double price = Math.round(Math.exp(2.3 + r.nextDouble() * 3.6) * 100) / 100.0 - 0.01;
    price = Math.max(2.99, Math.floor(price) + (r.nextBoolean() ? 0.99 : 0.49));
    double listPrice = r.nextInt(4) == 0 ? Math.floor(price * (1.15 + r.nextDouble() * 0.4)) + 0.99 : price;
    String[] tags = new String[2 + r.nextInt(4)];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = Vocabulary.pick(i % 2 == 0 ? Vocabulary.ADJECTIVES : Vocabulary.MATERIALS, r);
    }
    String description = Vocabulary.paragraph(r, 2 + r.nextInt(4));
    // Product pages run from about 1 to 4 KiB; reviews make up the difference.
    int reviewBytes = (int) (2300 * Math.pow(r.nextDouble(), 1.4)) - description.length();
    List<Review> reviews = new ArrayList<>();
    for (int used = 0; used < reviewBytes; ) {
      Review review = new Review(Ids.uuid(r), Vocabulary.pick(Vocabulary.FIRST_NAMES, r) + " "
          + Vocabulary.pick(Vocabulary.LAST_NAMES, r).charAt(0) + ".", 1 + r.nextInt(5), Vocabulary.paragraph(r, 1),
          Vocabulary.paragraph(r, 1 + r.nextInt(3)), Instant.ofEpochSecond(EPOCH_SECOND - r.nextInt(40_000_000)),
          r.nextInt(60));
      reviews.add(review);
      used += 150 + review.title().length() + review.body().length();
    }
    int[] related = new int[2 + r.nextInt(3)];
    for (int i = 0; i < related.length; i++) {
      related[i] = r.nextInt(products.length);
    }
    return new Product(index, Ids.uuid(r), sku, slug, name, brand, Vocabulary.pick(Vocabulary.CATEGORIES, r), color,
        Vocabulary.pick(Vocabulary.MATERIALS, r), price, listPrice, r.nextInt(5) == 0 ? "GBP" : "EUR",
        Math.round((3.0 + r.nextDouble() * 2.0) * 10) / 10.0, r.nextInt(2400), 80 + r.nextInt(4000), description,
        tags, List.copyOf(reviews), related, "W/\"" + Ids.hex(r, 16) + "\"",
        Instant.ofEpochSecond(EPOCH_SECOND - r.nextInt(3_000_000)));
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
