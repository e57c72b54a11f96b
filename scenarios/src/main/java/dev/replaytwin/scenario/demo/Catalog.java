package dev.replaytwin.scenario.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fixed catalogue of products, the same in every release and every run. */
final class Catalog {
  static final int SIZE = 500;
  private static final String[] ADJECTIVES = {"red", "blue", "green", "wooden", "steel", "small", "large",
      "quiet", "fast", "classic", "organic", "vintage"};
  private static final String[] NOUNS = {"chair", "lamp", "kettle", "desk", "mug", "bicycle", "jacket", "tent",
      "blender", "notebook", "speaker", "backpack", "teapot", "clock"};

  record Product(int id, String name, long priceCents, int stock) {}

  private final List<Product> products = new ArrayList<>(SIZE);

  Catalog() {
    for (int i = 1; i <= SIZE; i++) {
      String name = ADJECTIVES[(i * 7) % ADJECTIVES.length] + " " + NOUNS[(i * 11) % NOUNS.length] + " " + i;
      products.add(new Product(i, name, 199 + (i * 7919L) % 20_000, (i * 31) % 50));
    }
  }

  Product get(int id) {
    return id >= 1 && id <= SIZE ? products.get(id - 1) : null;
  }

  /** Products whose name contains every word of the query, at most {@code limit}. */
  List<Product> search(String query, int limit) {
    String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
    List<Product> found = new ArrayList<>();
    for (Product p : products) {
      boolean all = true;
      for (String w : words) {
        if (!w.isEmpty() && !p.name().contains(w)) {
          all = false;
          break;
        }
      }
      if (all) {
        found.add(p);
        if (found.size() == limit) {
          break;
        }
      }
    }
    return found;
  }
}
