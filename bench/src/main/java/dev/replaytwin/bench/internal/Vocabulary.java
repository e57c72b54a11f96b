package dev.replaytwin.bench.internal;

import java.util.SplittableRandom;

/** Word lists the shop's catalogue, customers and texts are built from. */
public final class Vocabulary {
  public static final String[] ADJECTIVES = split("""
      lightweight durable compact ergonomic waterproof breathable rugged sleek classic modern vintage
      premium essential everyday portable foldable adjustable wireless rechargeable insulated
      stainless organic recycled handcrafted minimalist oversized slim relaxed tapered cropped quilted
      padded ribbed brushed polished matte glossy textured seamless stretch thermal quick-dry
      anti-slip non-stick heavy-duty low-profile high-rise mid-weight ultralight reversible convertible
      stackable modular magnetic ventilated reflective cordless smart silent ceramic bamboo woolen
      leather canvas denim linen cotton merino cashmere suede nylon titanium aluminium walnut oak""");
  public static final String[] NOUNS = split("""
      backpack jacket sneaker boot sandal hoodie sweater t-shirt shirt blouse dress skirt jeans chino
      shorts legging parka vest scarf beanie cap glove sock belt wallet tote duffel suitcase
      headphones earbuds speaker charger cable keyboard mouse monitor webcam microphone lamp kettle
      mug bottle tumbler thermos pan skillet saucepan knife cutting-board blender toaster grinder
      pillow blanket duvet towel rug curtain planter vase candle frame mirror shelf stool chair desk
      tent sleeping-bag hammock lantern compass trekking-pole yoga-mat dumbbell kettlebell jump-rope
      watch sunglasses umbrella notebook pen organizer sleeve case stand tripod drone router""");
  public static final String[] COLORS = split("""
      black white charcoal graphite slate navy indigo cobalt sky teal sage olive forest emerald mint
      sand beige khaki camel tan rust terracotta burgundy wine crimson coral blush lilac lavender
      plum mustard ochre ivory cream stone heather-grey""");
  public static final String[] MATERIALS = split("""
      cotton polyester nylon wool merino leather suede canvas bamboo oak walnut steel aluminium
      titanium ceramic glass silicone rubber cork linen hemp down fleece gore-tex""");
  public static final String[] BRANDS = split("""
      Northvale Kestrel Alderbrook Ironfern Lumora Brightwater Cobaltine Fjordline Hearthstone
      Marlowe Oakhurst Pinecrest Quillon Redwing Saltmarsh Tidewell Umberleaf Vantor Wrenfield
      Yarrowby Zephyrine Ashgrove Bellhaven Copperleaf Driftwood Emberly Foxglen Greyhaven Halcyon
      Juniperra Kinloch Larkspur Moorfield Nettlecombe Orchardine Pebbleton Ravenscar Silverbirch""");
  public static final String[] CATEGORIES = split("""
      outdoor footwear outerwear knitwear tops bottoms accessories bags electronics audio computing
      kitchen cookware home bedding bath decor lighting furniture camping fitness yoga travel
      stationery office garden pets kids beauty""");
  public static final String[] TEXT = split("""
      the a with for and in on to of your our this that it is was be are built made designed keeps
      stays feels works fits holds lasts every day all-day long short trip city trail weekend
      commute office home travel rain wind cold heat summer winter spring autumn comfort support
      grip warmth protection storage space pocket zip strap handle lid base edge seam stitch finish
      weight size shape colour fabric lining sole heel toe collar cuff hem panel mesh layer coat
      easy simple quick clean care wash dry store pack carry wear use enjoy love need want great
      good nice solid sturdy soft smooth warm cool quiet bright clear true honest real perfect
      little more less very really quite just also even still never always often sometimes after
      before during while since because so but not only well better best second third first""");
  public static final String[] FIRST_NAMES = split("""
      Olivia Liam Emma Noah Ava Oliver Sophia Elijah Isabella James Mia William Amelia Benjamin
      Harper Lucas Evelyn Henry Abigail Alexander Emily Daniel Ella Matthew Elizabeth Jackson
      Sofia Sebastian Avery Jack Scarlett Aiden Grace Owen Chloe Samuel Victoria Joseph Riley
      Lena Jonas Marie Felix Clara Paul Ines Tomas Lucia Mateo Chiara Luca Aisha Omar Yuki Kenji
      Priya Arjun Mei Wei Nadia Ivan Freya Magnus Astrid Erik Zoe Leon Hannah Finn Maya Noor""");
  public static final String[] LAST_NAMES = split("""
      Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
      Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
      Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
      Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Rossi Russo Ferrari Esposito
      Bianchi Dubois Moreau Laurent Janssen Visser Nielsen Hansen Larsen Novak Kowalski Tanaka
      Suzuki Sato Kim Park Chen Wang Singh Patel Khan Ali Silva Santos Costa Oliveira""");
  public static final String[] CITIES = split("""
      London Manchester Bristol Leeds Glasgow Dublin Cork Paris Lyon Marseille Berlin Hamburg
      Munich Cologne Vienna Zurich Geneva Amsterdam Rotterdam Utrecht Brussels Antwerp Madrid
      Barcelona Valencia Lisbon Porto Milan Rome Turin Naples Copenhagen Aarhus Stockholm
      Gothenburg Oslo Bergen Helsinki Warsaw Krakow Prague Brno Budapest Ljubljana Zagreb Tallinn""");
  public static final String[] STREETS = split("""
      High Station Church Mill Park Victoria Green Manor Kings Queens Market Bridge School Oak
      Elm Cedar Maple Willow Harbour River Lake Hill Garden Orchard Castle Abbey Canal Meadow""");
  public static final String[] STREET_KINDS = split("Street Road Lane Avenue Way Close Gardens Square Place");
  public static final String[] COUNTRIES = split("GB IE FR DE AT CH NL BE ES PT IT DK SE NO FI PL CZ HU SI HR EE");
  public static final String[] MAIL_DOMAINS = split("""
      gmail.com outlook.com yahoo.com icloud.com proton.me gmx.de web.de orange.fr libero.it
      hotmail.co.uk fastmail.com mail.com""");

  private Vocabulary() {}

  /** A uniformly chosen word. */
  public static String pick(String[] words, SplittableRandom r) {
    return words[r.nextInt(words.length)];
  }

  /** A sentence of {@code min..max} words from {@link #TEXT}, the odd catalogue word mixed in. */
  public static void sentence(StringBuilder sb, SplittableRandom r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      String w = switch (r.nextInt(10)) {
        case 0 -> pick(ADJECTIVES, r);
        case 1 -> pick(NOUNS, r);
        case 2 -> pick(MATERIALS, r);
        default -> pick(TEXT, r);
      };
      if (i == 0) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      } else {
        sb.append(' ').append(w);
      }
    }
    sb.append(r.nextInt(8) == 0 ? '!' : '.');
  }

  /** {@code sentences} sentences separated by spaces. */
  public static String paragraph(SplittableRandom r, int sentences) {
    StringBuilder sb = new StringBuilder(sentences * 60);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sentence(sb, r, 6, 16);
    }
    return sb.toString();
  }

  private static String[] split(String words) {
    return words.trim().split("\\s+");
  }
}
