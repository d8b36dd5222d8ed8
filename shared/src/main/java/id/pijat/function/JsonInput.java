package id.pijat.function;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import id.pijat.error.FieldProblem;
import id.pijat.error.Rejection;
import id.pijat.text.Excerpt;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Reads a request body field by field, collecting every problem under the field's path
 * ("location.coordinates.lat") so the caller learns all of them at once. A value of the wrong type,
 * a missing field and a value its parser refuses are all problems; {@link #finish} throws them as
 * one INVALID_INPUT.
 */
public final class JsonInput {
  /**
   * More than any request of ours, a larger body is refused unread. The longest is a chat message of
   * 2 000 emoji sent as JSON allows, each escaped as a surrogate pair (Python's json.dumps does):
   * 24 000 bytes.
   */
  public static final int MAX_BODY_BYTES = 32 * 1024;
  /** The largest number read as its text; every such field of ours is far smaller. */
  private static final double MAX_PLAIN_NUMBER = 1e15;

  private final JsonObject object;
  private final String prefix;
  private final List<FieldProblem> problems;

  private JsonInput(JsonObject object, String prefix, List<FieldProblem> problems) {
    this.object = object;
    this.prefix = prefix;
    this.problems = problems;
  }

  public static JsonInput parse(String body) {
    if (body == null || body.isBlank()) {
      throw Rejection.invalidInput("body", "must be a JSON object");
    }
    // a character is at least one byte, so a body longer in characters is refused before it is encoded
    if (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw Rejection.invalidInput("body", "must be at most " + MAX_BODY_BYTES + " bytes");
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(body));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw Rejection.invalidInput("body", "must be a single JSON object");
      }
      if (!element.isJsonObject()) {
        throw Rejection.invalidInput("body", "must be a JSON object");
      }
      List<FieldProblem> repeated = repeatedKeys(body);
      if (!repeated.isEmpty()) {
        throw Rejection.invalidInput(repeated);
      }
      return new JsonInput(element.getAsJsonObject(), "", new ArrayList<>());
    } catch (JsonParseException | IOException e) {
      throw Rejection.invalidInput("body", "is not valid JSON");
    }
  }

  /**
   * Every key an object of the body repeats, at any depth, named by its path. Gson keeps the last of
   * them, so {"serviceDuration":"60","serviceDuration":"90"} would book 90 while a proxy or a log
   * that keeps the first reads 60: such a body is refused, not guessed at. Read token by token, with
   * no recursion, so a body nested as deep as its size allows is read as Gson read it.
   */
  private static List<FieldProblem> repeatedKeys(String body) throws IOException {
    Set<String> repeated = new LinkedHashSet<>();
    Deque<Set<String>> objects = new ArrayDeque<>();
    JsonReader reader = new JsonReader(new StringReader(body));
    reader.setStrictness(Strictness.STRICT);
    while (true) {
      switch (reader.peek()) {
        case BEGIN_OBJECT -> {
          reader.beginObject();
          objects.push(new HashSet<>());
        }
        case END_OBJECT -> {
          reader.endObject();
          objects.pop();
        }
        case BEGIN_ARRAY -> reader.beginArray();
        case END_ARRAY -> reader.endArray();
        case NAME -> {
          if (!objects.peek().add(reader.nextName())) {
            // "$.location.address" is the field "location.address", as every other problem names it
            repeated.add(shown(reader.getPath().substring(2)));
          }
        }
        case END_DOCUMENT -> {
          return repeated.stream().map(field -> new FieldProblem(field, "is given more than once")).toList();
        }
        default -> reader.skipValue();
      }
    }
  }

  /** A nested object; absent (and not required) gives null. */
  public JsonInput object(String name, boolean required) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!element.isJsonObject()) {
      problem(name, "must be an object");
      return null;
    }
    return new JsonInput(element.getAsJsonObject(), path(name) + ".", problems);
  }

  /**
   * A list of objects, each read under its place ("days[2].startTime"); absent (and not required)
   * gives null. An element that is no object is a problem and left out.
   */
  public List<JsonInput> objects(String name, boolean required) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!element.isJsonArray()) {
      problem(name, "must be a list");
      return null;
    }
    List<JsonInput> objects = new ArrayList<>();
    for (int i = 0; i < element.getAsJsonArray().size(); i++) {
      JsonElement item = element.getAsJsonArray().get(i);
      if (item.isJsonObject()) {
        objects.add(new JsonInput(item.getAsJsonObject(), path(name) + "[" + i + "].", problems));
      } else {
        problem(name + "[" + i + "]", "must be an object");
      }
    }
    return objects;
  }

  public String string(String name, boolean required) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!isString(element)) {
      problem(name, "must be a string");
      return null;
    }
    return element.getAsString();
  }

  /** A string the parser turns into a value; its IllegalArgumentException becomes the problem. */
  public <T> T string(String name, boolean required, Function<String, T> parser) {
    String text = string(name, required);
    return text == null ? null : parsed(name, text, parser);
  }

  public Double number(String name, boolean required) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!(element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber())) {
      problem(name, "must be a number");
      return null;
    }
    double value = element.getAsDouble();
    if (!Double.isFinite(value)) {
      // 1e100000 is valid JSON but no double: it would reach the rules as infinity
      problem(name, "must be a number within range");
      return null;
    }
    return value;
  }

  /** A number its rule turns into a value; the rule's IllegalArgumentException becomes the problem. */
  public <T> T number(String name, boolean required, DoubleFunction<T> rule) {
    Double value = number(name, required);
    return value == null ? null : check(name, () -> rule.apply(value));
  }

  public Boolean bool(String name, boolean required) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!(element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean())) {
      problem(name, "must be true or false");
      return null;
    }
    return element.getAsBoolean();
  }

  /** A string or a number, read as its text: "60" and 60 alike. */
  public <T> T stringOrNumber(String name, boolean required, Function<String, T> parser) {
    JsonElement element = element(name, required);
    if (element == null) {
      return null;
    }
    if (!(element.isJsonPrimitive() && (isString(element) || element.getAsJsonPrimitive().isNumber()))) {
      problem(name, "must be a string or a number");
      return null;
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    if (primitive.isNumber()) {
      double value = primitive.getAsDouble();
      String digits = null;
      if (Double.isFinite(value) && Math.abs(value) <= MAX_PLAIN_NUMBER) {
        try {
          digits = primitive.getAsBigDecimal().stripTrailingZeros().toPlainString();
        } catch (NumberFormatException | ArithmeticException tooLong) {
          // Gson refuses to expand an exponent like 1e-100000 into digits
        }
      }
      if (digits == null) {
        problem(name, "must be a number within range");
        return null;
      }
      return parsed(name, digits, parser);
    }
    return parsed(name, primitive.getAsString(), parser);
  }

  /** Applies a rule to values read before; records its IllegalArgumentException under the field. */
  public <T> T check(String name, java.util.function.Supplier<T> rule) {
    try {
      return rule.get();
    } catch (IllegalArgumentException e) {
      problem(name, e.getMessage());
      return null;
    }
  }

  /** Fields other than these are refused, so a misspelt field is not silently dropped. */
  public void allowOnly(Set<String> names) {
    for (String name : object.keySet()) {
      if (!names.contains(name)) {
        problem(shown(name), "is not a known field");
      }
    }
  }

  public boolean has(String name) {
    return object.has(name) && !object.get(name).isJsonNull();
  }

  /**
   * The problem under the field's path. A rule's message may name its value as the rule sees it
   * ("reason must be 1 to 200 characters"); here the path names it, so the name is not said twice.
   */
  public void problem(String name, String problem) {
    String leaf = name.substring(name.lastIndexOf('.') + 1);
    problems.add(new FieldProblem(path(name), problem.startsWith(leaf + " ") ? problem.substring(leaf.length() + 1) : problem));
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Throws every problem found so far as one INVALID_INPUT. */
  public void finish() {
    if (!problems.isEmpty()) {
      throw Rejection.invalidInput(problems);
    }
  }

  private JsonElement element(String name, boolean required) {
    JsonElement element = object.get(name);
    if (element == null || element.isJsonNull()) {
      if (required) {
        problem(name, "is required");
      }
      return null;
    }
    return element;
  }

  private <T> T parsed(String name, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      problem(name, e.getMessage());
      return null;
    }
  }

  private static boolean isString(JsonElement element) {
    return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
  }

  /** A key the client chose, as a field's name may show it: an excerpt, never a page of it. */
  private static String shown(String key) {
    String excerpt = Excerpt.of(key);
    return excerpt.isEmpty() ? "(a key with nothing visible)" : excerpt;
  }

  private String path(String name) {
    return prefix + name;
  }
}
