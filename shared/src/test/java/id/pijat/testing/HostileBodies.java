package id.pijat.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Request bodies an attacker or a broken client sends, for property tests of every function: a
 * valid body with values swapped, removed or added at any depth, number literals no double holds,
 * text with controls, line separators, bidi overrides, emoji, lone surrogates and nothing visible,
 * numbers spelt loosely as text, random JSON, and text that is not JSON at all.
 */
public final class HostileBodies {
  private static final List<String> NUMBERS =
      List.of("1e100000", "-1e100000", "1e-100000", "1" + "0".repeat(400), "0.1", "-0", "60", "60.0", "6e1", "9223372036854775808",
          "-91", "181", "4.9e-324", "1.7976931348623157e308", "NaN", "Infinity");
  private static final List<String> TEXTS =
      List.of("", " ", "a", "\u0000", "\u202Eevil", "\u200B\u200B\u200B", "\uD83D\uDE00".repeat(51), "\uD83D\uDE00".repeat(251),
          "\uD800", "x".repeat(600), "../bookings", "60", "true", "null", "{}", "2026-13-45T99:00:00+08:00",
          "2026-12-01T10:00:00+08:00", "0812 3456 7890", "+62 812-3456-7890", "Budi\nSantoso", "\u3164\u3164",
          "<script>", "' OR 1=1 --", "\u0661\u0662", "Jl. Sunset Road 88", "Jl. Kuta\u20281", "\u2029", "\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F",
          "\u0301\u0301", "\uFF16\uFF10", "+60", "060", " 60\n", "UTC", "Etc/GMT-8", "\u202E<b>" + "x".repeat(5_000));
  private static final List<String> GARBAGE =
      List.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":1}{\"b\":2}", "[".repeat(5000),
          "{\"a\":".repeat(3000), "\uFEFF{}", "{\"serviceDuration\":60,\"serviceDuration\":90}",
          "{\"location\":{\"address\":\"Jl. Kuta 1\",\"address\":\"Jl. Legian 2\"}}");

  private HostileBodies() {}

  /** Mostly mutations of the valid body, some random JSON, some text that is not a JSON object. */
  public static Arbitrary<String> around(String validBody) {
    JsonObject valid = JsonParser.parseString(validBody).getAsJsonObject();
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.randoms().map(random -> mutated(valid, random))),
        Tuple.of(2, Arbitraries.randoms().map(HostileBodies::randomObject)),
        Tuple.of(1, Arbitraries.of(GARBAGE)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(64)));
  }

  /** The methods and paths clients send; most are POST to "/". */
  public static Arbitrary<String> methods() {
    return Arbitraries.of("POST", "POST", "POST", "post", "GET", "PUT", "DELETE", "PATCH", "BREW", "");
  }

  public static Arbitrary<String> paths() {
    return Arbitraries.of("/", "/", "/", "", "/admin", "/../", "/?x=1");
  }

  private static String mutated(JsonObject valid, Random random) {
    JsonObject body = valid.deepCopy();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(body, random);
    }
    return write(body, random);
  }

  private static void mutate(JsonObject object, Random random) {
    List<String> keys = new ArrayList<>(object.keySet());
    if (keys.isEmpty() || random.nextInt(6) == 0) {
      object.add(random.nextBoolean() ? "extra" + random.nextInt(3) : TEXTS.get(random.nextInt(TEXTS.size())), value(random, 2));
      return;
    }
    String key = keys.get(random.nextInt(keys.size()));
    JsonElement current = object.get(key);
    if (current.isJsonObject() && random.nextBoolean()) {
      mutate(current.getAsJsonObject(), random);
    } else if (random.nextInt(5) == 0) {
      object.remove(key);
    } else if (current.isJsonPrimitive() && random.nextBoolean()) {
      // the same field with a number in its place, often one no field can hold
      object.add(key, new JsonPrimitive("#num:" + NUMBERS.get(random.nextInt(NUMBERS.size()))));
    } else {
      object.add(key, value(random, 2));
    }
  }

  /** A JSON value; numbers are carried as marked strings so that write() can emit literals Gson cannot hold. */
  private static JsonElement value(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 7 : 5)) {
      case 0:
        return new JsonPrimitive(TEXTS.get(random.nextInt(TEXTS.size())));
      case 1:
        return new JsonPrimitive("#num:" + NUMBERS.get(random.nextInt(NUMBERS.size())));
      case 2:
        return new JsonPrimitive(random.nextBoolean());
      case 3:
        return com.google.gson.JsonNull.INSTANCE;
      case 4:
        return new JsonPrimitive(randomText(random));
      case 5: {
        JsonArray array = new JsonArray();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(value(random, depth - 1));
        }
        return array;
      }
      default: {
        JsonObject object = new JsonObject();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.add(TEXTS.get(random.nextInt(TEXTS.size())), value(random, depth - 1));
        }
        return object;
      }
    }
  }

  private static String randomObject(Random random) {
    JsonObject object = new JsonObject();
    for (int i = random.nextInt(5); i > 0; i--) {
      object.add(random.nextBoolean() ? TEXTS.get(random.nextInt(TEXTS.size())) : "bookingId", value(random, 3));
    }
    return write(object, random);
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x2FFFF));
    }
    return text.toString();
  }

  /** Serialises, turning the marked strings into bare number literals (some of them no valid JSON: NaN). */
  private static String write(JsonObject body, Random random) {
    String json = body.toString().replaceAll("\"#num:([^\"]*)\"", "$1");
    return random.nextInt(20) == 0 ? json.substring(0, random.nextInt(json.length() + 1)) : json;
  }
}
