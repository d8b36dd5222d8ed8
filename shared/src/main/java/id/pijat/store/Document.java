package id.pijat.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One stored document: its ID and its attributes. */
public record Document(String id, Map<String, Object> data) {
  public Document {
    Objects.requireNonNull(id, "id");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public String string(String attribute) {
    Object value = data.get(attribute);
    return value == null ? null : value.toString();
  }

  public Long longValue(String attribute) {
    Object value = data.get(attribute);
    return value == null ? null : ((Number) value).longValue();
  }

  public Double doubleValue(String attribute) {
    Object value = data.get(attribute);
    return value == null ? null : ((Number) value).doubleValue();
  }

  public boolean bool(String attribute) {
    return Boolean.TRUE.equals(data.get(attribute));
  }

  public java.time.Instant instant(String attribute) {
    return DocumentTimes.parse(string(attribute));
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String attribute) {
    Object value = data.get(attribute);
    return value == null ? List.of() : List.copyOf((List<String>) value);
  }
}
