package id.pijat.local.store;

import id.pijat.local.project.CollectionSchema.Attribute;
import id.pijat.local.project.CollectionSchema;
import id.pijat.store.DocumentTimes;
import id.pijat.store.StoreRejectedException;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Appwrite's document structure rules: known attributes, required ones present, types, sizes, enums, ranges. */
final class DocumentCheck {
  private DocumentCheck() {}

  static Map<String, Object> forCreate(CollectionSchema schema, Map<String, Object> data) {
    Map<String, Object> row = checked(schema, data);
    for (Attribute attribute : schema.attributes()) {
      if (row.get(attribute.key()) == null) {
        if (attribute.required()) {
          throw invalid("Missing required attribute \"" + attribute.key() + "\"");
        }
        row.put(attribute.key(), defaultValue(attribute));
      }
    }
    return row;
  }

  static Map<String, Object> forUpdate(CollectionSchema schema, Map<String, Object> changes) {
    Map<String, Object> row = checked(schema, changes);
    Map<String, Attribute> attributes = schema.attributesByKey();
    row.forEach((key, value) -> {
      if (value == null && attributes.get(key).required()) {
        throw invalid("Missing required attribute \"" + key + "\"");
      }
    });
    return row;
  }

  private static Map<String, Object> checked(CollectionSchema schema, Map<String, Object> data) {
    Map<String, Attribute> attributes = schema.attributesByKey();
    Map<String, Object> row = new LinkedHashMap<>();
    data.forEach((key, value) -> {
      Attribute attribute = attributes.get(key);
      if (attribute == null) {
        throw invalid("Unknown attribute: \"" + key + "\"");
      }
      if (value != null) {
        if (attribute.array()) {
          if (!(value instanceof List<?> list)) {
            throw invalid("Attribute \"" + key + "\" must be an array");
          }
          list.forEach(item -> checkValue(attribute, item));
        } else {
          checkValue(attribute, value);
        }
      }
      row.put(key, value);
    });
    return row;
  }

  private static void checkValue(Attribute attribute, Object value) {
    String key = attribute.key();
    switch (attribute.type()) {
      case STRING -> {
        if (!(value instanceof String text)) {
          throw invalid("Attribute \"" + key + "\" has invalid type. Value must be a valid string");
        }
        // Appwrite counts characters (code points, PHP's mb_strlen), not UTF-16 units: an emoji is one
        if (text.codePointCount(0, text.length()) > attribute.size()) {
          throw invalid("Attribute \"" + key + "\" has invalid format. Value must be a valid string and no longer than " + attribute.size() + " chars");
        }
        if (!attribute.elements().isEmpty() && !attribute.elements().contains(text)) {
          throw invalid("Attribute \"" + key + "\" has invalid format. Value must be one of " + attribute.elements());
        }
      }
      case INTEGER, DOUBLE -> {
        if (!(value instanceof Number number)) {
          throw invalid("Attribute \"" + key + "\" has invalid type. Value must be a number");
        }
        double d = number.doubleValue();
        if (attribute.type() == CollectionSchema.Type.INTEGER && d != Math.rint(d)) {
          throw invalid("Attribute \"" + key + "\" has invalid type. Value must be a valid integer");
        }
        if ((attribute.min() != null && d < attribute.min()) || (attribute.max() != null && d > attribute.max())) {
          throw invalid("Attribute \"" + key + "\" has invalid format. Value must be a valid range between "
              + attribute.min() + " and " + attribute.max());
        }
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw invalid("Attribute \"" + key + "\" has invalid type. Value must be a valid boolean");
        }
      }
      case DATETIME -> {
        try {
          DocumentTimes.parse(value.toString());
        } catch (DateTimeParseException e) {
          throw invalid("Attribute \"" + key + "\" has invalid format. Value must be valid date");
        }
      }
    }
  }

  private static Object defaultValue(Attribute attribute) {
    String value = attribute.defaultValue();
    if (value == null) {
      return null;
    }
    return switch (attribute.type()) {
      case BOOLEAN -> Boolean.parseBoolean(value);
      case INTEGER -> Long.parseLong(value);
      case DOUBLE -> Double.parseDouble(value);
      default -> value;
    };
  }

  private static StoreRejectedException invalid(String reason) {
    return new StoreRejectedException("Invalid document structure: " + reason);
  }
}
