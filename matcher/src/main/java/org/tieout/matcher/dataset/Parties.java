package org.tieout.matcher.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Invented company and person names, with deliberate look-alikes, for the generator. */
final class Parties {
  private static final String[] STEMS = {
    "Acme",
    "Nordwind",
    "Meyer",
    "Baltic",
    "Sunrise",
    "Bluewater",
    "Keystone",
    "Helios",
    "Orchid",
    "Granite",
    "Vertex",
    "Alpine",
    "Harbor",
    "Lumen",
    "Pioneer",
    "Summit",
    "Falcon",
    "Cedar",
    "Atlas",
    "Zephyr",
    "Kestrel",
    "Riverside",
    "Evergreen",
    "Quantum",
    "Silverline",
    "Brightway",
    "Northstar",
    "Oakridge",
    "Westfield",
    "Crescent",
    "Ironbridge",
    "Maple",
    "Redwood",
    "Horizon",
    "Copper",
    "Sterling",
    "Beacon",
    "Meridian",
    "Cobalt",
    "Tundra",
    "Juniper",
    "Saffron",
    "Marlow",
    "Hanse",
    "Rhein",
    "Elbe",
    "Dunmore",
    "Castell",
    "Vasquez",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Rossi",
    "Nakamura",
    "Kowalski",
    "Schneider"
  };
  private static final String[] TRADES = {
    "Logistics",
    "Industries",
    "Trading",
    "Consulting",
    "Software",
    "Foods",
    "Textiles",
    "Engineering",
    "Media",
    "Systems",
    "Pharma",
    "Retail",
    "Energy",
    "Holdings",
    "Design",
    "Analytics",
    "Supplies",
    "Construction",
    "Partners",
    "Labs",
    "Ventures",
    "Maschinenbau",
    "Handel",
    "Services",
    "Print"
  };
  private static final String[] FORMS = {
    "GmbH",
    "Ltd",
    "Inc.",
    "B.V.",
    "AG",
    "S.A.",
    "LLC",
    "plc",
    "SARL",
    "S.r.l.",
    "Oy",
    "AB",
    "& Co. KG",
    ""
  };
  private static final String[] FIRST = {
    "Anna", "Lukas", "Sofia", "Jonas", "Emma", "Noah", "Mia", "Elias", "Lea", "Paul", "Chloe",
    "Mateo", "Hannah", "Oskar", "Ines", "Tomasz", "Aiko", "Kwame", "Priya", "Sven"
  };
  private static final String[] LAST = {
    "Müller", "Schmidt", "García", "Dubois", "Rossi", "Novak", "Jansen", "O'Brien", "Kowalczyk",
        "Nielsen",
    "Fischer", "Laurent", "Santos", "Berg", "Weiß", "Kaya", "Popescu", "Horvath", "Ivanova",
        "Andersen"
  };

  private Parties() {}

  static List<String> companies(SplittableRandom rnd, int n) {
    List<String> out = new ArrayList<>(n);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (out.size() < n) {
      String stem = STEMS[rnd.nextInt(STEMS.length)];
      String trade = TRADES[rnd.nextInt(TRADES.length)];
      String form = FORMS[rnd.nextInt(FORMS.length)];
      String name =
          rnd.nextInt(4) == 0
              ? stem + " " + STEMS[rnd.nextInt(STEMS.length)] + " " + trade
              : stem + " " + trade;
      if (rnd.nextInt(5) == 0) {
        name = name + " " + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
      }
      name = (name + " " + form).strip();
      if (seen.add(name)) {
        out.add(name);
      }
      if (seen.size() > STEMS.length * TRADES.length * FORMS.length) {
        out.add(name + " " + out.size()); // very large sets: numbered
      }
    }
    return out;
  }

  static List<String> people(SplittableRandom rnd, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)]);
    }
    return out;
  }

  /** How a bank prints a name: upper case, accents gone, legal form often dropped, truncated. */
  static String asBankPrints(String name, SplittableRandom rnd) {
    String s =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ß", "SS")
            .toUpperCase(Locale.ROOT);
    if (rnd.nextInt(3) == 0) {
      s =
          s.replaceAll(
              "\\s+(GMBH|LTD|INC\\.|B\\.V\\.|AG|S\\.A\\.|LLC|PLC|SARL|S\\.R\\.L\\.|OY|AB|& CO\\. KG)$",
              "");
    }
    if (rnd.nextInt(2) == 0) {
      s = s.replaceAll("[.,&']", "");
    }
    int max = 12 + rnd.nextInt(16);
    if (s.length() > max) {
      s = s.substring(0, max).strip();
    }
    return s;
  }
}
