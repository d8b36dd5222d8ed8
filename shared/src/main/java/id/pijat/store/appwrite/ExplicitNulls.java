package id.pijat.store.appwrite;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An update's data that keeps its nulls on the wire. Appwrite's updateDocument changes only the
 * keys it is sent, so clearing an attribute needs {"key": null} in the body; the SDK serialises
 * the body with a Gson that drops nulls. This object carries its own adapter (Gson honours
 * {@code @JsonAdapter} whatever Gson instance writes it), which turns null writing on for its own
 * keys only: the body stays the JSON object the spec describes, a key left out is unchanged, and a
 * key with null is cleared.
 */
@JsonAdapter(ExplicitNulls.Factory.class)
final class ExplicitNulls {
  private final Map<String, Object> values;

  ExplicitNulls(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  static final class Factory implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      return (TypeAdapter<T>) new TypeAdapter<ExplicitNulls>() {
        @Override
        public void write(JsonWriter out, ExplicitNulls data) throws IOException {
          boolean serializeNulls = out.getSerializeNulls();
          out.setSerializeNulls(true);
          try {
            out.beginObject();
            for (Map.Entry<String, Object> entry : data.values.entrySet()) {
              out.name(entry.getKey());
              Object value = entry.getValue();
              if (value == null) {
                out.nullValue();
              } else {
                gson.toJson(value, value.getClass(), out);
              }
            }
            out.endObject();
          } finally {
            out.setSerializeNulls(serializeNulls);
          }
        }

        @Override
        public ExplicitNulls read(JsonReader in) {
          throw new UnsupportedOperationException("written to Appwrite only");
        }
      };
    }
  }
}
