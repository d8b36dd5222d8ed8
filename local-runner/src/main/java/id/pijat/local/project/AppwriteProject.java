package id.pijat.local.project;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** appwrite.json as the runner needs it: the databases, the collections' schema and who reads them, the functions. */
public record AppwriteProject(String projectId, List<String> databases, Map<String, CollectionSchema> collections,
    Map<String, CollectionAccess> access, Map<String, FunctionSpec> functions) {

  /** A function's deployment entry: who may execute it and its cron schedule ("" for none). */
  public record FunctionSpec(String id, List<String> execute, String schedule, int timeoutSeconds, String path) {}

  /**
   * Who reads a collection's documents, as Appwrite decides it: a role in the collection's own
   * permissions reads them all; otherwise, with document security on, each document's permissions
   * decide.
   */
  public record CollectionAccess(String databaseId, List<String> permissions, boolean documentSecurity) {}

  public static AppwriteProject read(Path appwriteJson) {
    try {
      JsonObject root = JsonParser.parseString(Files.readString(appwriteJson)).getAsJsonObject();
      List<String> databases = new ArrayList<>();
      root.getAsJsonArray("databases").forEach(database -> databases.add(database.getAsJsonObject().get("$id").getAsString()));
      Map<String, CollectionSchema> collections = new LinkedHashMap<>();
      Map<String, CollectionAccess> access = new LinkedHashMap<>();
      for (JsonElement element : root.getAsJsonArray("collections")) {
        JsonObject json = element.getAsJsonObject();
        CollectionSchema collection = collection(json);
        collections.put(collection.id(), collection);
        access.put(collection.id(), new CollectionAccess(json.get("databaseId").getAsString(),
            strings(json.getAsJsonArray("$permissions")), json.get("documentSecurity").getAsBoolean()));
      }
      Map<String, FunctionSpec> functions = new LinkedHashMap<>();
      for (JsonElement element : root.getAsJsonArray("functions")) {
        JsonObject function = element.getAsJsonObject();
        FunctionSpec spec =
            new FunctionSpec(
                function.get("$id").getAsString(),
                strings(function.getAsJsonArray("execute")),
                function.has("schedule") ? function.get("schedule").getAsString() : "",
                function.get("timeout").getAsInt(),
                function.get("path").getAsString());
        functions.put(spec.id(), spec);
      }
      return new AppwriteProject(root.get("projectId").getAsString(), databases, collections, access, functions);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + appwriteJson, e);
    }
  }

  private static CollectionSchema collection(JsonObject json) {
    List<CollectionSchema.Attribute> attributes = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("attributes")) {
      JsonObject a = element.getAsJsonObject();
      String format = a.has("format") && !a.get("format").isJsonNull() ? a.get("format").getAsString() : "";
      attributes.add(
          new CollectionSchema.Attribute(
              a.get("key").getAsString(),
              CollectionSchema.Type.fromAppwrite(a.get("type").getAsString()),
              a.has("size") ? a.get("size").getAsInt() : 0,
              a.get("required").getAsBoolean(),
              a.has("array") && a.get("array").getAsBoolean(),
              "enum".equals(format) ? strings(a.getAsJsonArray("elements")) : List.of(),
              number(a, "min"),
              number(a, "max"),
              a.has("default") && !a.get("default").isJsonNull() ? a.get("default").getAsString() : null));
    }
    List<CollectionSchema.Index> indexes = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("indexes")) {
      JsonObject i = element.getAsJsonObject();
      indexes.add(
          new CollectionSchema.Index(
              i.get("key").getAsString(), i.get("type").getAsString(), strings(i.getAsJsonArray("attributes"))));
    }
    return new CollectionSchema(json.get("$id").getAsString(), attributes, indexes);
  }

  private static Double number(JsonObject json, String name) {
    return json.has(name) && !json.get(name).isJsonNull() ? json.get(name).getAsDouble() : null;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> values.add(e.getAsString()));
    }
    return values;
  }
}
