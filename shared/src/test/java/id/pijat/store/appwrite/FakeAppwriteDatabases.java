package id.pijat.store.appwrite;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that answers Appwrite 1.6's document endpoints as the spec has them
 * (swagger2-1.6.x-server.json): paths, JSON bodies {documentId, data, permissions}, queries[] as
 * JSON query strings, Document and DocumentList shapes, and Appwrite's error body {message, code,
 * type, version}. Documents live in a store behind it, so the contract suite can run through the
 * real SDK and HTTP. Requests without X-Appwrite-Project and X-Appwrite-Key get Appwrite's 401.
 */
public final class FakeAppwriteDatabases implements ResponseDefinitionTransformerV2 {
  private static final Pattern DOCUMENTS =
      Pattern.compile("/v1/databases/([^/]+)/collections/([^/]+)/documents(?:/([^/?]+))?");
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  private final DocumentStore documents;
  private final String projectId;
  private final String apiKey;

  public FakeAppwriteDatabases(DocumentStore documents, String projectId, String apiKey) {
    this.documents = documents;
    this.projectId = projectId;
    this.apiKey = apiKey;
  }

  @Override
  public String getName() {
    return "fake-appwrite-databases";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    if (!projectId.equals(request.getHeader("X-Appwrite-Project")) || !apiKey.equals(request.getHeader("X-Appwrite-Key"))) {
      return error(401, "user_unauthorized", "The current user is not authorized to perform the requested action.");
    }
    Matcher path = DOCUMENTS.matcher(request.getUrl().split("\\?")[0]);
    if (!path.matches()) {
      return error(404, "general_route_not_found", "The requested route was not found.");
    }
    String database = path.group(1);
    String collection = path.group(2);
    String id = path.group(3);
    try {
      return switch (request.getMethod().getName()) {
        case "POST" -> {
          JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
          String documentId = body.get("documentId").getAsString();
          Map<String, Object> data = GSON.fromJson(body.get("data"), Map.class);
          Document created = documents.create(collection, documentId, data, Set.of());
          yield json(201, document(database, collection, created));
        }
        case "GET" -> {
          if (id != null) {
            yield documents.find(collection, id)
                .map(d -> json(200, document(database, collection, d)))
                .orElseGet(() -> notFound());
          }
          List<Query> queries = new ArrayList<>();
          QueryParameter parameter = request.queryParameter("queries[]");
          if (parameter.isPresent()) {
            parameter.values().forEach(q -> queries.add(decode(q)));
          }
          List<Map<String, Object>> page = new ArrayList<>();
          documents.list(collection, queries).forEach(d -> page.add(document(database, collection, d)));
          yield json(200, Map.of("total", page.size(), "documents", page));
        }
        case "PATCH" -> {
          JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
          Map<String, Object> changes = GSON.fromJson(body.get("data"), Map.class);
          yield json(200, document(database, collection, documents.update(collection, id, changes)));
        }
        case "DELETE" -> {
          documents.delete(collection, id);
          yield new ResponseDefinitionBuilder().withStatus(204).build();
        }
        default -> error(405, "general_route_not_found", "Method not allowed");
      };
    } catch (DocumentExistsException e) {
      return error(409, "document_already_exists",
          "Document with the requested ID already exists. Try again with a different ID or use ID.unique() to generate a unique ID.");
    } catch (DocumentNotFoundException e) {
      return notFound();
    }
  }

  /** An Appwrite 1.6 query string: {"method":"equal","attribute":"status","values":["searching"]}. */
  static Query decode(String text) {
    JsonObject query = JsonParser.parseString(text).getAsJsonObject();
    String method = query.get("method").getAsString();
    String attribute = query.has("attribute") && !query.get("attribute").isJsonNull() ? query.get("attribute").getAsString() : null;
    List<Object> values = new ArrayList<>();
    if (query.has("values")) {
      for (JsonElement value : query.getAsJsonArray("values")) {
        values.add(value.getAsJsonPrimitive().isNumber() ? (Object) value.getAsDouble()
            : value.getAsJsonPrimitive().isBoolean() ? (Object) value.getAsBoolean() : value.getAsString());
      }
    }
    return switch (method) {
      case "equal" -> Query.equalAny(attribute, values);
      case "lessThan" -> Query.lessThan(attribute, values.get(0));
      case "lessThanEqual" -> Query.lessThanEqual(attribute, values.get(0));
      case "greaterThan" -> Query.greaterThan(attribute, values.get(0));
      case "orderAsc" -> Query.orderAsc(attribute);
      case "orderDesc" -> Query.orderDesc(attribute);
      case "cursorAfter" -> Query.cursorAfter((String) values.get(0));
      case "limit" -> Query.limit(((Number) values.get(0)).intValue());
      default -> throw new IllegalArgumentException("query method not faked: " + method);
    };
  }

  private static Map<String, Object> document(String database, String collection, Document document) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", document.id());
    json.put("$collectionId", collection);
    json.put("$databaseId", database);
    json.put("$createdAt", DocumentTimes.format(Instant.parse("2026-11-21T10:00:00Z")));
    json.put("$updatedAt", DocumentTimes.format(Instant.parse("2026-11-21T10:00:00Z")));
    json.put("$permissions", List.of());
    json.putAll(document.data());
    return json;
  }

  private static ResponseDefinition notFound() {
    return error(404, "document_not_found", "Document with the requested ID could not be found.");
  }

  static ResponseDefinition error(int status, String type, String message) {
    return json(status, Map.of("message", message, "code", status, "type", type, "version", "1.6.0"));
  }

  private static ResponseDefinition json(int status, Object body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(GSON.toJson(body))
        .build();
  }
}
