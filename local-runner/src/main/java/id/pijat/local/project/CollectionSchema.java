package id.pijat.local.project;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One collection of appwrite.json: its attributes and indexes. */
public record CollectionSchema(String id, List<Attribute> attributes, List<Index> indexes) {

  public enum Type {
    STRING, INTEGER, DOUBLE, BOOLEAN, DATETIME;

    static Type fromAppwrite(String type) {
      return switch (type) {
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "double", "float" -> DOUBLE;
        case "boolean" -> BOOLEAN;
        case "datetime" -> DATETIME;
        default -> throw new IllegalArgumentException("attribute type not supported here: " + type);
      };
    }
  }

  public record Attribute(
      String key, Type type, int size, boolean required, boolean array, List<String> elements,
      Double min, Double max, String defaultValue) {}

  public record Index(String key, String type, List<String> attributes) {}

  public Map<String, Attribute> attributesByKey() {
    return attributes.stream().collect(Collectors.toMap(Attribute::key, Function.identity()));
  }

  public boolean isIndexed(String attribute) {
    return indexes.stream().anyMatch(index -> index.attributes().contains(attribute));
  }
}
